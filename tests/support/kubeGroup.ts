/** A KUBE group whose members each carry a NIK (born 12 May 1980, a man; 7 Mar 1985, a woman: day + 40). */
export const kubeGroup = {
  nik: '3526011205800001',
  kkNumber: '3526011203150002',
  fullName: 'Moh. Holil',
  birthDate: '1980-05-12',
  gender: 'Laki-laki',
  village: 'Kamal',
  district: 'Kamal',
  groupName: 'KUBE Sumber Rejeki',
  businessType: 'Usaha kerupuk',
  members: [
    { nik: '3526011205800001', fullName: 'Moh. Holil', birthDate: '1980-05-12', groupRole: 'Ketua' },
    { nik: '3526014703850003', fullName: 'Siti Aisyah', birthDate: '1985-03-07', groupRole: 'Sekretaris' },
  ],
};
