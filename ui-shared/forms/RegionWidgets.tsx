import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { ReplyOf } from '../../engine/contracts/contract.ts';
import type { regencyContracts } from '../../engine/contracts/regencyContracts.ts';

/** The official areas of the user's regency that the selects read (GET /api/regencies/current/regions). */
export type RegionList = Pick<ReplyOf<typeof regencyContracts.regions>, 'districts'>;

/** What the address selects read from the form: the region list (when loaded) and the current answers. */
export interface AddressFormContext {
  regions?: RegionList;
  formData: Record<string, unknown>;
}

type Props = WidgetProps<unknown, RJSFSchema, AddressFormContext>;

const same = (a: string, b: string): boolean => a.localeCompare(b, 'id', { sensitivity: 'base' }) === 0;

function NameSelect({ props, names, disabled }: { props: Props; names: string[]; disabled: boolean }) {
  const { t } = useTranslation();
  const value = typeof props.value === 'string' ? props.value : '';
  // A value typed before the selects existed (or from another regency) stays visible and kept.
  const unknown = value !== '' && !names.some((n) => same(n, value));
  return (
    <select
      id={props.id}
      name={props.id}
      className="form-control"
      value={unknown ? value : (names.find((n) => same(n, value)) ?? '')}
      required={props.required}
      disabled={disabled || props.disabled || props.readonly}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
      onBlur={() => props.onBlur(props.id, props.value)}
      onFocus={() => props.onFocus(props.id, props.value)}
    >
      <option value="">{t('address.choose')}</option>
      {unknown && <option value={value}>{t('address.notListed', { value })}</option>}
      {names.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  );
}

function TextFallback(props: Props) {
  const TextWidget = props.registry.widgets.TextWidget!;
  return <TextWidget {...props} />;
}

/** Kecamatan of the regency, from the official Kemendagri list (the stored value is its name). */
export function DistrictWidget(props: Props) {
  const regions = props.registry.formContext?.regions;
  if (!regions) return <TextFallback {...props} />;
  return <NameSelect props={props} names={regions.districts.map((d) => d.name)} disabled={false} />;
}

/** Desa/kelurahan of the kecamatan chosen above (the stored value is its name). */
export function VillageWidget(props: Props) {
  const { t } = useTranslation();
  const context = props.registry.formContext;
  if (!context?.regions) return <TextFallback {...props} />;
  const chosen = context.formData.district;
  const district = typeof chosen === 'string' ? context.regions.districts.find((d) => same(d.name, chosen)) : undefined;
  return (
    <>
      <NameSelect props={props} names={district?.villages.map((v) => v.name) ?? []} disabled={!district} />
      {!district && <small className="muted">{t('address.districtFirst')}</small>}
    </>
  );
}

/** Clears the desa/kelurahan when the kecamatan changed and the desa does not lie in the new one. */
export function keepAddressConsistent(
  previous: Record<string, unknown>,
  next: Record<string, unknown>,
  regions: RegionList | undefined,
): Record<string, unknown> {
  if (!regions || previous.district === next.district || typeof next.village !== 'string') return next;
  const district = regions.districts.find((d) => typeof next.district === 'string' && same(d.name, next.district));
  if (district?.villages.some((v) => same(v.name, next.village as string))) return next;
  const rest = { ...next };
  delete rest.village;
  return rest;
}
