/** Case data of an elderly Kutai Kartanegara applicant, valid for bantuan-permakanan. */
export const kutaiApplicant = {
  nik: '6402010102500001',
  kkNumber: '6402010101010002',
  fullName: 'Siti',
  birthDate: '1950-02-01',
  village: 'Loa Ipuh',
  district: 'Tenggarong',
  residenceRegency: 'Kutai Kartanegara',
  targetCategory: 'Lanjut Usia',
  occupation: 'Tidak bekerja',
  pkhRecipient: false,
};

/** The complete checklist of the first step of bantuan-permakanan. */
export const permakananFirstStepChecklist = {
  'surat-permohonan': true,
  'ktp-kk': true,
  'foto-penerima': true,
  'foto-rumah': true,
};
