import { describe, expect, it } from 'vitest';
import type { DataSchema } from '../../engine/definition/sopTypes.ts';
import { hasAddressFields, withAddressWidgets } from '../../ui-shared/forms/addressWidgets.ts';
import { keepAddressConsistent, type RegionList } from '../../ui-shared/forms/RegionWidgets.tsx';

const address: DataSchema = {
  type: 'object',
  properties: { fullName: { type: 'string' }, village: { type: 'string' }, district: { type: 'string' } },
};

const regions: RegionList = {
  districts: [
    { code: '64.02.02', name: 'Loa Kulu', villages: [{ code: '64.02.02.2002', name: 'Sungai Payang' }] },
    { code: '64.02.06', name: 'Tenggarong', villages: [{ code: '64.02.06.1002', name: 'Loa Ipuh' }] },
  ],
};

describe('address fields of case forms become the kecamatan → desa selects', () => {
  it('a form with free-text district and village gets both widgets, keeping its other ui options', () => {
    expect(hasAddressFields(address)).toBe(true);
    expect(withAddressWidgets(address, { village: { 'ui:help': 'sesuai KTP' } })).toEqual({
      district: { 'ui:widget': 'kecamatan' },
      village: { 'ui:help': 'sesuai KTP', 'ui:widget': 'desa' },
    });
  });

  it('puts the kecamatan just above the desa when the form listed it after', () => {
    const ui = withAddressWidgets(address, { 'ui:order': ['fullName', 'village', 'district', '*'] });
    expect(ui['ui:order']).toEqual(['fullName', 'district', 'village', '*']);
  });

  it('an SOP that chose its own widget, or lists the values itself, or has only one of the fields, is left alone', () => {
    expect(withAddressWidgets(address, { district: { 'ui:widget': 'text' } })).toMatchObject({
      district: { 'ui:widget': 'text' },
      village: { 'ui:widget': 'desa' },
    });
    const listed: DataSchema = {
      type: 'object',
      properties: { ...address.properties, district: { type: 'string', enum: ['Tenggarong'] } },
    };
    expect(withAddressWidgets(listed, {})).toEqual({});
    const onlyVillage: DataSchema = { type: 'object', properties: { village: { type: 'string' } } };
    expect(hasAddressFields(onlyVillage)).toBe(false);
  });

  it('a new kecamatan clears a desa that is not in it, and keeps one that is', () => {
    const before = { district: 'Loa Kulu', village: 'Sungai Payang' };
    expect(keepAddressConsistent(before, { district: 'Tenggarong', village: 'Sungai Payang' }, regions)).toEqual({
      district: 'Tenggarong',
    });
    expect(keepAddressConsistent({}, { district: 'tenggarong', village: 'loa ipuh' }, regions)).toEqual({
      district: 'tenggarong',
      village: 'loa ipuh',
    });
    // Without the region list nothing is touched.
    expect(keepAddressConsistent(before, { district: 'Tenggarong', village: 'Sungai Payang' }, undefined)).toEqual({
      district: 'Tenggarong',
      village: 'Sungai Payang',
    });
  });
});
