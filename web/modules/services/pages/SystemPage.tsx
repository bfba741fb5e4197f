import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../platform/auth.js';
import {
  Badge,
  EmptyState,
  ErrorSummary,
  LoadError,
  Loading,
  PageHeader,
} from '../../../platform/components.js';
import { formatDate, formatNumber, useI18n, type MessageKey } from '../../../platform/i18n.js';
import { useTree } from '../../organization/components/units.js';
import { ownershipApi, systemsApi, type ContractDto, type SystemDto } from '../api.js';
import { SystemProblems } from '../components/problems.js';
import { portfolioApi } from '../../portfolio/api.js';
import {
  ClassifyDialog,
  ContractDialog,
  IntegrationDialog,
  SystemDialog,
} from '../components/SystemDialog.js';
import { EscalationPath, ServicesNav } from '../components/ownership.js';
import { useConfirm } from '../../../platform/confirm.js';

export function SystemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const { byId } = useTree();
  const system = useQuery({ queryKey: ['system', id], queryFn: () => systemsApi.get(id) });
  const contracts = useQuery({
    queryKey: ['system', id, 'contracts'],
    queryFn: () => systemsApi.contracts(id),
  });
  const context = useQuery({
    queryKey: ['system', id, 'context'],
    queryFn: () => ownershipApi.systemContext(id),
  });
  const initiatives = useQuery({
    queryKey: ['initiatives', 'by-system', id],
    queryFn: () => portfolioApi.list({ systemId: id, limit: 50 }),
  });
  const integrations = useQuery({
    queryKey: ['system', id, 'integrations'],
    queryFn: () => ownershipApi.integrations(id),
  });
  const [dialog, setDialog] = useState<'edit' | 'contract' | 'classify' | 'integration' | null>(
    null,
  );
  const [editContract, setEditContract] = useState<ContractDto | null>(null);
  const [error, setError] = useState<unknown>(null);
  const { confirm, confirmDialog } = useConfirm();
  if (system.isLoading) return <Loading />;
  if (system.error || !system.data) return <LoadError error={system.error} />;
  const s = system.data;
  const path = s.ownerUnitId ? byId.get(s.ownerUnitId)?.path : undefined;
  const mayEdit = path ? can('systems.edit', { unitPath: path }) : can('systems.edit', 'tenant');
  const money = (v: number | null) => (v == null ? '—' : `${formatNumber(v)} kr`);
  /** An amount the register gave as an estimate is shown as one. */
  const approx = (field: SystemDto['approximate'][number], text: string) =>
    s.approximate.includes(field) && text !== '—' ? `${t('sys.approximate')} ${text}` : text;
  const removeIntegration = async (i: {
    id: string;
    fromSystem: { name: string };
    toSystem: { name: string };
  }) => {
    const question = t('sys.confirmRemoveIntegration', {
      from: i.fromSystem.name,
      to: i.toSystem.name,
    });
    if (!(await confirm(question, t('common.remove')))) return;
    try {
      await ownershipApi.deleteIntegration(i.id);
      setError(null);
      await integrations.refetch();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {confirmDialog}
      <ServicesNav />
      <PageHeader
        title={s.name}
        intro={`${s.category ? t(`sysCategory.${s.category}` as MessageKey) : t('sys.unknown')} · ${s.lifecycle ? t(`lifecycle.${s.lifecycle}` as MessageKey) : t('sys.unknown')}${s.ownerUnitName ? ` · ${s.ownerUnitName}` : ''}`}
        actions={
          mayEdit ? (
            <>
              <button type="button" className="btn" onClick={() => setDialog('classify')}>
                {t('sys.classify')}
              </button>
              <button type="button" className="btn" onClick={() => setDialog('edit')}>
                {t('common.edit')}
              </button>
            </>
          ) : null
        }
      />
      <ErrorSummary error={error} />
      {s.openProblems > 0 ? (
        <SystemProblems systemId={s.id} mayEdit={mayEdit} count={s.openProblems} />
      ) : null}
      <p>
        {s.flags.map((f) => (
          <Badge key={f} tone="warn">
            {t(`sysFlag.${f}` as MessageKey)}
          </Badge>
        ))}
      </p>
      {s.description ? <p>{s.description}</p> : null}
      {s.lifecycleOn ? (
        <p className="muted">
          {t('sys.lifecycleOn')}: {formatDate(s.lifecycleOn)}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('sys.aliases').replace(/ \(.*\)/, '')}</dt>
        <dd>{s.aliases.join(', ') || '—'}</dd>
        <dt>{t('sys.owner')}</dt>
        <dd>
          {s.ownerPersonName ??
            s.ownerExternalName ??
            (s.ownerRole ? `${s.ownerRole} (${t('sys.ownerRole').toLowerCase()})` : '—')}
          {s.ownerAppointedByName
            ? ` (${t('svc.appointedBy').toLowerCase()} ${s.ownerAppointedByName})`
            : ''}
        </dd>
        <dt>{t('sys.manager')}</dt>
        <dd>
          {s.managerPersonName ?? '—'}
          {s.managerAppointedByName
            ? ` (${t('svc.appointedBy').toLowerCase()} ${s.managerAppointedByName})`
            : ''}
        </dd>
        <dt>{t('sys.managementObject')}</dt>
        <dd>
          {context.data?.managementObject ? (
            <Link to={`/forvaltningsobjekt/${context.data.managementObject.id}`}>
              {context.data.managementObject.name}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>{t('sys.technicalContact')}</dt>
        <dd>{s.technicalContactName ?? '—'}</dd>
        <dt>{t('sys.contractHolder')}</dt>
        <dd>{s.contractHolderUnitName ?? '—'}</dd>
        <dt>{t('sys.userUnitsShort')}</dt>
        <dd>{s.userUnits.map((u) => u.name).join(', ') || '—'}</dd>
        <dt>{t('sys.supplier')}</dt>
        <dd>{s.supplierName ?? '—'}</dd>
        <dt>{t('sys.hosting')}</dt>
        <dd>{s.hosting ?? '—'}</dd>
        <dt>{t('sys.capabilities').replace(/ \(.*\)/, '')}</dt>
        <dd>{s.capabilities.join(', ') || '—'}</dd>
        <dt>{t('sys.users')}</dt>
        <dd>{approx('approxUsers', s.approxUsers == null ? '—' : formatNumber(s.approxUsers))}</dd>
        <dt>{t('sys.classification')}</dt>
        <dd>
          {[s.confidentiality, s.integrity, s.availability].map((x) => x ?? '–').join(' / ')}{' '}
          {s.classifiedOn ? `(${t('sys.classifiedOn')} ${formatDate(s.classifiedOn)})` : ''}
        </dd>
        <dt>{t('sys.personalData')}</dt>
        <dd>
          {s.personalData == null
            ? t('common.unknown')
            : s.personalData
              ? t('common.yes')
              : t('common.no')}
        </dd>
        <dt>{t('sys.dpaStatus')}</dt>
        <dd>
          {s.dpaStatus ? t(`dpa.${s.dpaStatus}` as MessageKey) : '—'}
          {s.dpaSignedOn ? ` (${formatDate(s.dpaSignedOn)})` : ''}
        </dd>
        <dt>{t('sys.dpia')}</dt>
        <dd>{s.dpiaStatus ? t(`dpia.${s.dpiaStatus}` as MessageKey) : '—'}</dd>
        <dt>{t('sys.cost')}</dt>
        <dd>
          {approx('costTotalReported', money(s.costTotal))} (
          {t('sys.costLicence').replace(/ \(.*\)/, '')}{' '}
          {approx('costLicence', money(s.costLicence))},{' '}
          {t('sys.costOperation').replace(/ \(.*\)/, '')}{' '}
          {approx('costOperation', money(s.costOperation))},{' '}
          {t('sys.costStaff').replace(/ \(.*\)/, '')} {approx('costStaff', money(s.costStaff))})
        </dd>
        {s.notes ? (
          <>
            <dt>{t('sys.notes')}</dt>
            <dd>{s.notes}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="svc-h">
        <h2 id="svc-h">{t('sys.services')}</h2>
        {context.data?.services.length ? (
          <ul className="plain">
            {context.data.services.map((x) => (
              <li key={x.id}>
                <Link to={`/tjanster/${x.id}`}>{x.name}</Link>{' '}
                <span className="muted small">{x.chain.join(' › ')}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('sys.noServices')}</EmptyState>
        )}
      </section>
      {context.data ? <EscalationPath steps={context.data.escalation} /> : null}
      <section aria-labelledby="ini-h">
        <h2 id="ini-h">{t('sys.initiatives')}</h2>
        {initiatives.data?.items.length ? (
          <ul className="plain">
            {initiatives.data.items.map((x) => (
              <li key={x.id}>
                <Link to={`/portfolj/${x.id}`}>{x.title}</Link>{' '}
                <span className="muted small">{t(`phase.${x.phase}` as MessageKey)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
      </section>
      <section aria-labelledby="int-h">
        <h2 id="int-h">{t('sys.integrations')}</h2>
        {integrations.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('sys.integrationFrom')}</th>
                  <th scope="col">{t('sys.integrationTo')}</th>
                  <th scope="col">{t('sys.integrationMethod')}</th>
                  <th scope="col">{t('sys.integrationDescription')}</th>
                  {mayEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.remove')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {integrations.data.items.map((i) => (
                  <tr key={i.id}>
                    <td>
                      {i.fromSystem.id === s.id ? (
                        i.fromSystem.name
                      ) : (
                        <Link to={`/it-system/${i.fromSystem.id}`}>{i.fromSystem.name}</Link>
                      )}
                    </td>
                    <td>
                      {i.toSystem.id === s.id ? (
                        i.toSystem.name
                      ) : (
                        <Link to={`/it-system/${i.toSystem.id}`}>{i.toSystem.name}</Link>
                      )}
                    </td>
                    <td>{t(`integrationMethod.${i.method}` as MessageKey)}</td>
                    <td>{i.description ?? '—'}</td>
                    {mayEdit ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => void removeIntegration(i)}
                          aria-label={t('sys.removeIntegration', {
                            name: `${i.fromSystem.name} → ${i.toSystem.name}`,
                          })}
                        >
                          ×
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
        {mayEdit ? (
          <button type="button" className="btn btn--small" onClick={() => setDialog('integration')}>
            {t('sys.newIntegration')}
          </button>
        ) : null}
      </section>
      <section aria-labelledby="con-h">
        <h2 id="con-h">{t('sys.contracts')}</h2>
        {contracts.data?.items.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('sys.contractRef')}</th>
                  <th scope="col">{t('sys.supplier')}</th>
                  <th scope="col">{t('sys.startsOn')}</th>
                  <th scope="col">{t('sys.endsOn')}</th>
                  <th scope="col">{t('sys.noticeMonths')}</th>
                  <th scope="col">{t('sys.extension')}</th>
                  <th scope="col">{t('sys.procurementRef')}</th>
                  <th scope="col">{t('sys.valuePerYear')}</th>
                  {mayEdit ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.edit')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {contracts.data.items.map((c) => (
                  <tr key={c.id}>
                    <td>{c.contractRef ?? t('sys.contractNoRef')}</td>
                    <td>{c.supplierName ?? '—'}</td>
                    <td>{formatDate(c.startsOn)}</td>
                    <td>{formatDate(c.endsOn)}</td>
                    <td>{c.noticeMonths ?? '—'}</td>
                    <td>{c.extensionOptions ?? '—'}</td>
                    <td>{c.procurementRef ?? '—'}</td>
                    <td className="nowrap">{money(c.valuePerYear)}</td>
                    {mayEdit ? (
                      <td>
                        <button
                          type="button"
                          className="btn btn--small"
                          onClick={() => setEditContract(c)}
                          aria-label={t('sys.editContract', { ref: c.contractRef ?? '' })}
                        >
                          {t('common.edit')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState>{t('common.empty')}</EmptyState>
        )}
        {mayEdit ? (
          <button type="button" className="btn btn--small" onClick={() => setDialog('contract')}>
            {t('sys.newContract')}
          </button>
        ) : null}
      </section>
      {dialog === 'edit' ? <SystemDialog system={s} onClose={() => setDialog(null)} /> : null}
      {dialog === 'contract' ? (
        <ContractDialog systemId={s.id} onClose={() => setDialog(null)} />
      ) : null}
      {editContract ? (
        <ContractDialog
          systemId={s.id}
          contract={editContract}
          onClose={() => setEditContract(null)}
        />
      ) : null}
      {dialog === 'classify' ? <ClassifyDialog system={s} onClose={() => setDialog(null)} /> : null}
      {dialog === 'integration' ? (
        <IntegrationDialog system={s} onClose={() => setDialog(null)} />
      ) : null}
    </>
  );
}
