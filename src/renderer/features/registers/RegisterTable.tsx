/**
 * The register as a virtual table (@tanstack/react-virtual): the NĐ 30 columns, one row element per entry
 * (data-testid="register-row"); a cancelled entry keeps its number and is struck through with its reason.
 */
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegisterKind } from '../../../shared/api/schemas';
import { registerColumns } from '../../../shared/domain/register-layout';
import type { RegisterRow } from '../../db/records';
import { UrgencyBadge } from '../../components/UrgencyBadge';
import { vi } from '../../i18n/vi';
import { rowCells } from './register-cells';
import { useWindowRows } from './useWindowRows';

const ROW_HEIGHT = 64;
const t = vi.register;

export interface RegisterTableProps {
  kind: RegisterKind;
  ids: readonly number[];
  mayCancel: boolean;
  onCancel(row: RegisterRow): void;
  onView(row: RegisterRow): void;
}

export function RegisterTable({ kind, ids, mayCancel, onCancel, onView }: RegisterTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = registerColumns(kind);
  const template = `${columns.map((c) => `${c.widthMm}fr`).join(' ')} 7rem`;
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 1200, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const rows = useWindowRows(ids, items[0]?.index ?? 0, items[items.length - 1]?.index ?? 0);

  return (
    <div role="table" aria-rowcount={ids.length + 1} className="register-table">
      <div role="row" className="register-head" style={{ gridTemplateColumns: template }}>
        {columns.map((c) => (
          <div role="columnheader" key={c.key}>
            {c.title}
          </div>
        ))}
        <div role="columnheader">{t.actions}</div>
      </div>
      <div ref={scroller} className="register-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = ids[item.index];
            const row = id === undefined ? undefined : rows.get(id);
            const style = { transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, gridTemplateColumns: template };
            if (row === undefined) return <div key={item.key} className="register-row placeholder" style={style} aria-hidden="true" />;
            const cancelled = row.entry.status === 'cancelled';
            const cells = rowCells(kind, row);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                data-testid="register-row"
                className={cancelled ? 'register-row cancelled' : 'register-row'}
                style={style}
              >
                {cells.map((text, i) => (
                  <div role="cell" key={columns[i]?.key ?? i} title={text} className={columns[i]?.key === 'note' ? 'note' : undefined}>
                    {columns[i]?.key === 'typeAndSubject' ? <UrgencyBadge urgency={row.entry.urgency} /> : null}
                    <span className="cell-text">{text}</span>
                  </div>
                ))}
                <div role="cell" className="actions">
                  <button type="button" className="secondary" onClick={() => onView(row)}>
                    {t.view}
                  </button>
                  {mayCancel && !cancelled ? (
                    <button type="button" className="danger" onClick={() => onCancel(row)}>
                      {t.cancel}
                    </button>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {ids.length === 0 ? <p className="muted">{t.empty}</p> : null}
    </div>
  );
}
