import { useState } from 'react';
import { ROLES } from '../../../../domain/access/permissions.js';
import type { OidcGroupRole } from '../../../../domain/organization/oidc.js';
import { SelectField, TextField, useEnumOptions } from '../../../platform/components.js';
import { useI18n } from '../../../platform/i18n.js';
import type { FormValues } from '../../../platform/use-form.js';
import { unitOptions, useTree } from './units.js';

export type SsoSettings = {
  oidcIssuer: string | null;
  oidcClientId: string | null;
  oidcClientSecretSet: boolean;
  oidcGroupsClaim: string;
  oidcGroupRoles: OidcGroupRole[];
  localPasswords: boolean;
};

/**
 * The single sign-on part of a settings form's body. A secret left empty is not sent (the stored
 * one stays); a mapping row without a group is dropped.
 */
export function ssoBody(v: FormValues, data: FormData) {
  const groups = data.getAll('ssoGroup').map((g) => (typeof g === 'string' ? g.trim() : ''));
  const roles = data.getAll('ssoRole').map(String);
  const units = data.getAll('ssoUnit').map(String);
  return {
    oidcIssuer: v.oidcIssuer,
    oidcClientId: v.oidcClientId,
    oidcClientSecret: v.oidcClientSecret ?? undefined,
    oidcGroupsClaim: v.oidcGroupsClaim ?? 'groups',
    oidcGroupRoles: groups.flatMap((group, i) =>
      group ? [{ group, role: roles[i] ?? '', unitId: units[i] ?? '' }] : [],
    ),
    localPasswords: data.get('localPasswords') === 'on',
  };
}

/** The settings page's section for the OpenID Connect provider and the group → role mapping. */
export function SsoSettingsFields({
  s,
  fe,
}: {
  s: SsoSettings;
  fe: Record<string, string | undefined>;
}) {
  const { t } = useI18n();
  const roles = useEnumOptions(ROLES, 'role');
  const { units } = useTree();
  const unitChoices = unitOptions(units);
  const [blank, setBlank] = useState(s.oidcGroupRoles.length ? 0 : 1);
  const rows = [
    ...s.oidcGroupRoles,
    ...Array.from({ length: blank }, () => ({ group: '', role: 'reader', unitId: '' })),
  ];
  const rowError = (i: number) =>
    Object.entries(fe).find(([k]) => k.startsWith(`oidcGroupRoles.${i}`))?.[1];
  return (
    <fieldset className="field">
      <legend>{t('settings.sso.title')}</legend>
      <p className="field__hint">{t('settings.sso.intro')}</p>
      <TextField
        label={t('settings.sso.issuer')}
        name="oidcIssuer"
        type="url"
        hint={t('settings.sso.issuerHint')}
        defaultValue={s.oidcIssuer ?? ''}
        error={fe.oidcIssuer}
      />
      <TextField
        label={t('settings.sso.clientId')}
        name="oidcClientId"
        defaultValue={s.oidcClientId ?? ''}
        error={fe.oidcClientId}
      />
      <TextField
        label={t('settings.sso.clientSecret')}
        name="oidcClientSecret"
        type="password"
        autoComplete="new-password"
        hint={t(s.oidcClientSecretSet ? 'settings.sso.secretSet' : 'settings.sso.secretNotSet')}
        defaultValue=""
        error={fe.oidcClientSecret}
      />
      <TextField
        label={t('settings.sso.groupsClaim')}
        name="oidcGroupsClaim"
        defaultValue={s.oidcGroupsClaim}
        error={fe.oidcGroupsClaim}
      />
      <fieldset className="field">
        <legend>{t('settings.sso.mapping')}</legend>
        <p className="field__hint">{t('settings.sso.mappingHint')}</p>
        {rows.map((m, i) => (
          <div key={i} className="row">
            <TextField
              label={t('settings.sso.group', { n: i + 1 })}
              name="ssoGroup"
              defaultValue={m.group}
              error={rowError(i)}
            />
            <SelectField
              label={t('settings.sso.role', { n: i + 1 })}
              name="ssoRole"
              defaultValue={m.role}
              options={roles}
            />
            <SelectField
              label={t('settings.sso.unit', { n: i + 1 })}
              name="ssoUnit"
              defaultValue={m.unitId}
              emptyLabel="—"
              options={unitChoices}
            />
          </div>
        ))}
        <button type="button" className="btn" onClick={() => setBlank((n) => n + 1)}>
          {t('settings.sso.addRow')}
        </button>
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" name="localPasswords" defaultChecked={s.localPasswords} />{' '}
        {t('settings.sso.localPasswords')}
      </label>
      {fe.localPasswords ? <p className="field__error">{fe.localPasswords}</p> : null}
    </fieldset>
  );
}
