import { regencyLogoContracts } from '../../engine/contracts/regencyLogoContracts.ts';
import { urlOf } from '../../engine/contracts/contract.ts';
import { useCall } from '../api/useCall.ts';

/**
 * The regency's lambang at the left of a kop. `logoId` names the upload a letter was issued with; without it the
 * logo in use now is shown. Nothing at all when there is none, so the kop stays text only (no empty box).
 */
export function KopLogo({ logoId }: { logoId?: string | undefined }) {
  const current = useCall(regencyLogoContracts.status, logoId === undefined ? {} : null);
  const id = logoId ?? current.data?.logo?.id;
  if (!id) return null;
  return (
    <img
      className="kop-logo"
      data-testid="kop-logo"
      src={urlOf(regencyLogoContracts.image, { logoId: id })}
      alt="Lambang daerah"
    />
  );
}
