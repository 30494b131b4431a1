/**
 * The two-digit province codes (kode provinsi) that open every NIK and KK number, as listed in
 * Keputusan Menteri Dalam Negeri Nomor 300.2.2-2138 Tahun 2025 tentang Pemberian dan Pemutakhiran Kode,
 * Data Wilayah Administrasi Pemerintahan, dan Pulau (https://jdih.kemendagri.go.id/dokumen/view?id=1937):
 * 38 provinces. Regency and kecamatan codes are checked against engine/regions/data where shipped.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21', // Sumatera, Kepulauan Riau
  '31',
  '32',
  '33',
  '34',
  '35',
  '36', // Jawa
  '51',
  '52',
  '53', // Bali, Nusa Tenggara
  '61',
  '62',
  '63',
  '64',
  '65', // Kalimantan
  '71',
  '72',
  '73',
  '74',
  '75',
  '76', // Sulawesi
  '81',
  '82', // Maluku
  '91',
  '92',
  '93',
  '94',
  '95',
  '96', // Papua
]);
