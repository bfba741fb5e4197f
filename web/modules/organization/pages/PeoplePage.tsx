import { useState } from 'react';
import { useFormAction, type FormValues } from '../../../platform/use-form.js';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ROLES } from '../../../../domain/access/permissions.js';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  Dialog,
  EmptyState,
  ErrorSummary,
  ExportLinks,
  LoadError,
  Loading,
  PageHeader,
  Pager,
  SelectField,
  TextField,
  useEnumOptions,
  FormActions,
} from '../../../platform/components.js';
import { useI18n, type MessageKey } from '../../../platform/i18n.js';
import { qs } from '../../../platform/api.js';
import { orgApi, type PersonDto } from '../api.js';
import { UnitSelect, useInvalidateOrg, useTree } from '../components/units.js';
import { useConfirm } from '../../../platform/confirm.js';

const LIMIT = 50;

export function PeoplePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [dialog, setDialog] = useState<
    | { kind: 'new' }
    | { kind: 'edit'; person: PersonDto }
    | { kind: 'grant'; person: PersonDto }
    | null
  >(null);
  const [error, setError] = useState<unknown>(null);
  const invalidate = useInvalidateOrg();
  const params = { q, limit: LIMIT, offset };
  const people = useQuery({
    queryKey: ['persons', params],
    queryFn: () => orgApi.persons(params),
    placeholderData: keepPreviousData,
  });
  const grants = useQuery({ queryKey: ['grants'], queryFn: () => orgApi.grants({}) });
  const isAdmin =
    can('access.admin', 'tenant') ||
    [...byId.values()].some((u) => can('access.admin', { unitPath: u.path }));
  const mayAddPeople = [...byId.values()].some((u) => can('org.people.edit', { unitPath: u.path }));
  const { confirm, confirmDialog } = useConfirm();
  const revoke = async (id: string, question: string) => {
    if (!(await confirm(question, t('common.remove')))) return;
    try {
      await orgApi.revoke(id);
      setError(null);
      await invalidate();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {confirmDialog}
      <PageHeader
        title={t('people.title')}
        intro={t('people.intro')}
        actions={
          <>
            <ExportLinks url={`/api/persons${qs({ q })}`} />
            {mayAddPeople ? (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setDialog({ kind: 'new' })}
              >
                {t('people.new')}
              </button>
            ) : null}
          </>
        }
      />
      <div className="toolbar">
        <label htmlFor="pq">{t('people.search')}</label>
        <input
          id="pq"
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
        />
      </div>
      <ErrorSummary error={error} />
      {people.isLoading ? (
        <Loading />
      ) : people.error ? (
        <LoadError error={people.error} />
      ) : people.data?.items.length === 0 ? (
        <EmptyState>{t('common.noMatches')}</EmptyState>
      ) : people.data ? (
        <>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('common.name')}</th>
                  <th scope="col">{t('people.email')}</th>
                  <th scope="col">{t('people.titleField')}</th>
                  <th scope="col">{t('people.unit')}</th>
                  <th scope="col">{t('people.canLogIn')}</th>
                  <th scope="col">{t('people.roles')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {people.data.items.map((p) => (
                  <tr key={p.id}>
                    <td>{p.name}</td>
                    <td>{p.email}</td>
                    <td>{p.title ?? '—'}</td>
                    <td>{p.unitName ?? '—'}</td>
                    <td>{p.canLogIn ? t('common.yes') : t('common.no')}</td>
                    <td>
                      <ul className="plain">
                        {(grants.data?.items ?? [])
                          .filter((g) => g.personId === p.id)
                          .map((g) => (
                            <li key={g.id}>
                              <Badge tone="info">{t(`role.${g.role}` as MessageKey)}</Badge>{' '}
                              {g.unitName}
                              {g.viaSso ? (
                                <span className="muted small"> ({t('people.viaSso')})</span>
                              ) : null}
                              {isAdmin ? (
                                <>
                                  {' '}
                                  <button
                                    type="button"
                                    className="btn btn--small"
                                    onClick={() =>
                                      void revoke(
                                        g.id,
                                        t('people.confirmRevoke', {
                                          role: t(`role.${g.role}` as MessageKey),
                                          unit: g.unitName,
                                          name: p.name,
                                        }),
                                      )
                                    }
                                    aria-label={t('people.revoke', {
                                      role: t(`role.${g.role}` as MessageKey),
                                      unit: g.unitName,
                                    })}
                                  >
                                    ✕
                                  </button>
                                </>
                              ) : null}
                            </li>
                          ))}
                      </ul>
                    </td>
                    <td className="nowrap">
                      <button
                        type="button"
                        className="btn btn--small"
                        onClick={() => setDialog({ kind: 'edit', person: p })}
                        aria-label={`${t('common.edit')}: ${p.name}`}
                      >
                        {t('common.edit')}
                      </button>
                      {isAdmin ? (
                        <>
                          {' '}
                          <button
                            type="button"
                            className="btn btn--small"
                            onClick={() => setDialog({ kind: 'grant', person: p })}
                            aria-label={t('people.grantTitle', { name: p.name })}
                          >
                            {t('people.grant')}
                          </button>
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager total={people.data.total} limit={LIMIT} offset={offset} onChange={setOffset} />
        </>
      ) : null}
      {dialog?.kind === 'new' ? (
        <PersonDialog isAdmin={isAdmin} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <PersonDialog isAdmin={isAdmin} person={dialog.person} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'grant' ? (
        <GrantDialog person={dialog.person} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}

function PersonDialog({
  person,
  isAdmin,
  onClose,
}: {
  person?: PersonDto;
  isAdmin: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const { error, fe, onSubmit, formRef } = useFormAction(async (v, data, { changes }) => {
    const body = (v: FormValues) => ({
      name: v.name ?? '',
      email: v.email ?? '',
      title: v.title,
      unitId: v.unitId,
      ...(isAdmin
        ? { canLogIn: v.canLogIn === 'on', ...(v.password ? { password: v.password } : {}) }
        : {}),
    });
    if (person) {
      const patch = changes(body);
      if (patch) await orgApi.updatePerson(person.id, { ...patch, version: person.version });
    } else await orgApi.createPerson(body(v));
    await invalidate();
  }, onClose);
  return (
    <Dialog title={person ? t('people.edit') : t('people.new')} open onClose={onClose}>
      <form onSubmit={onSubmit} ref={formRef} noValidate>
        <ErrorSummary error={error} />
        <TextField
          label={t('common.name')}
          name="name"
          defaultValue={person?.name ?? ''}
          required
          error={fe.name}
        />
        <TextField
          label={t('people.email')}
          name="email"
          type="email"
          defaultValue={person?.email ?? ''}
          required
          error={fe.email}
        />
        <TextField
          label={t('people.titleField')}
          name="title"
          defaultValue={person?.title ?? ''}
          error={fe.title}
        />
        <UnitSelect
          label={t('people.unit')}
          name="unitId"
          defaultValue={person?.unitId ?? ''}
          emptyLabel="—"
          error={fe.unitId}
        />
        {isAdmin ? (
          <>
            <label className="checkbox">
              <input type="checkbox" name="canLogIn" defaultChecked={person?.canLogIn ?? false} />{' '}
              {t('people.canLogIn')}
            </label>
            <TextField
              label={t('people.password')}
              name="password"
              type="password"
              autoComplete="new-password"
              error={fe.password}
            />
          </>
        ) : null}
        <FormActions />
      </form>
    </Dialog>
  );
}

function GrantDialog({ person, onClose }: { person: PersonDto; onClose: () => void }) {
  const { t } = useI18n();
  const invalidate = useInvalidateOrg();
  const roles = useEnumOptions(ROLES, 'role');
  const { error, fe, onSubmit } = useFormAction(async (v) => {
    await orgApi.grant({ personId: person.id, role: v.role, unitId: v.unitId });
    await invalidate();
  }, onClose);
  return (
    <Dialog title={t('people.grantTitle', { name: person.name })} open onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary error={error} />
        <SelectField
          label={t('people.role')}
          name="role"
          defaultValue="reader"
          options={roles}
          required
          error={fe.role}
        />
        <UnitSelect label={t('people.onUnit')} name="unitId" required error={fe.unitId} />
        <FormActions submitLabel={t('people.grant')} />
      </form>
    </Dialog>
  );
}
