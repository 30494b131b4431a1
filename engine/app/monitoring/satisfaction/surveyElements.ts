/** The nine elements (unsur) of the Survei Kepuasan Masyarakat, PermenPANRB 14/2017, in the regulation's order. */
export const SURVEY_ELEMENTS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
] as const;

/** One element's key (also its column in survey_responses). */
export type SurveyElement = (typeof SURVEY_ELEMENTS)[number];

/** A question of the questionnaire with its four answers (1 = worst … 4 = best). */
export interface SurveyQuestion {
  element: SurveyElement;
  /** U1…U9 as the regulation numbers the elements. */
  code: string;
  name: string;
  question: string;
  options: [string, string, string, string];
}

/** The questionnaire, worded after the example in the regulation's annex. */
export const SURVEY_QUESTIONS: readonly SurveyQuestion[] = [
  {
    element: 'persyaratan',
    code: 'U1',
    name: 'Persyaratan',
    question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    element: 'prosedur',
    code: 'U2',
    name: 'Sistem, mekanisme, dan prosedur',
    question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
    options: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  },
  {
    element: 'waktu',
    code: 'U3',
    name: 'Waktu penyelesaian',
    question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
    options: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  },
  {
    element: 'biaya',
    code: 'U4',
    name: 'Biaya/tarif',
    question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
    options: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  },
  {
    element: 'produk',
    code: 'U5',
    name: 'Produk spesifikasi jenis pelayanan',
    question:
      'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
    options: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  },
  {
    element: 'kompetensi',
    code: 'U6',
    name: 'Kompetensi pelaksana',
    question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
    options: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  },
  {
    element: 'perilaku',
    code: 'U7',
    name: 'Perilaku pelaksana',
    question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
    options: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  },
  {
    element: 'pengaduan',
    code: 'U8',
    name: 'Penanganan pengaduan, saran dan masukan',
    question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
    options: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
  },
  {
    element: 'sarana',
    code: 'U9',
    name: 'Sarana dan prasarana',
    question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
    options: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  },
];
