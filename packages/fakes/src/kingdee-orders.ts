/**
 * The Kingdee fake's sales orders (SAL_SaleOrder): Save with the required-field checks and the
 * FBillNo uniqueness rule, then Submit (A → B) and Audit (B → C), answered in K3 Cloud's
 * `Result.ResponseStatus` shape.
 * @internal
 */
import type { KingdeeOrder } from './types.js';
import { isObject } from './json.js';

/** One entry of `ResponseStatus.Errors`. */
export interface K3Error {
  FieldName: string | null;
  Message: string;
  DIndex: number;
}

/** The reply of Save / Submit / Audit. */
export function k3Result(ok: Array<{ Id: number; Number: string; DIndex: number }>, errors: K3Error[], msgCode = 0): Record<string, unknown> {
  const success = errors.length === 0;
  const status = { ErrorCode: success ? 0 : 500, IsSuccess: success, Errors: errors, SuccessEntitys: ok, SuccessMessages: [], MsgCode: msgCode };
  if (!success) return { Result: { ResponseStatus: status } };
  const first = ok[0];
  return { Result: { ResponseStatus: status, Id: first?.Id ?? 0, Number: first?.Number ?? '', NeedReturnData: [] } };
}

/** The "session lost" reply (MsgCode 1). */
export function k3SessionLost(): Record<string, unknown> {
  return { Result: { ResponseStatus: { ErrorCode: 500, IsSuccess: false, Errors: [{ FieldName: null, Message: '会话信息已丢失，请重新登录', DIndex: 0 }], MsgCode: 1 } } };
}

/** `{FNumber: "x"}` (or `FNUMBER`, as FBillTypeID is spelled) → "x". */
export function fnumber(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  const n = v.FNumber ?? v.FNUMBER ?? v.fnumber;
  return typeof n === 'string' && n.trim() !== '' ? n : undefined;
}

function positive(v: unknown): boolean {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) && n > 0;
}

/** The required-field checks of a sales order model. */
function validate(model: Record<string, unknown>): K3Error[] {
  const errors: K3Error[] = [];
  if (!fnumber(model.FCustId)) errors.push({ FieldName: 'FCustId', Message: '字段“客户”(FCustId)是必填项', DIndex: 0 });
  const entries = model.FSaleOrderEntry;
  if (!Array.isArray(entries) || entries.length === 0) {
    errors.push({ FieldName: 'FSaleOrderEntry', Message: '订单明细(FSaleOrderEntry)至少需要一行', DIndex: 0 });
    return errors;
  }
  entries.forEach((e, row) => {
    const entry = isObject(e) ? e : {};
    if (!fnumber(entry.FMaterialId)) errors.push({ FieldName: 'FMaterialId', Message: `第${row + 1}行明细：字段“物料编码”(FMaterialId)是必填项`, DIndex: 0 });
    if (!positive(entry.FQty)) errors.push({ FieldName: 'FQty', Message: `第${row + 1}行明细：销售数量(FQty)必须大于0`, DIndex: 0 });
  });
  return errors;
}

/** The store of sales orders. */
export class KingdeeOrders {
  private byId = new Map<number, KingdeeOrder>();
  private nextId = 100001;
  private nextNo = 1;
  private nextEntryId = 100001;

  list(): KingdeeOrder[] {
    return [...this.byId.values()].map((o) => structuredClone(o));
  }

  all(): Iterable<KingdeeOrder> {
    return this.byId.values();
  }

  byNumber(no: string): KingdeeOrder | undefined {
    for (const o of this.byId.values()) if (o.number === no) return o;
    return undefined;
  }

  clear(): void {
    this.byId.clear();
    this.nextId = 100001;
    this.nextNo = 1;
    this.nextEntryId = 100001;
  }

  /** Save: a new order (status A), or an update of a created one when `FID` names it. */
  save(model: Record<string, unknown>): Record<string, unknown> {
    const errors = validate(model);
    if (errors.length) return k3Result([], errors);
    const fid = Number(model.FID ?? 0);
    const given = typeof model.FBillNo === 'string' && model.FBillNo.trim() !== '' ? model.FBillNo.trim() : undefined;
    if (fid > 0) {
      const existing = this.byId.get(fid);
      if (!existing) return k3Result([], [{ FieldName: 'FID', Message: `单据内码${fid}不存在`, DIndex: 0 }]);
      if (existing.status !== 'A') return k3Result([], [{ FieldName: null, Message: `单据${existing.number}不是创建状态，不能修改`, DIndex: 0 }]);
      const clash = given && given !== existing.number ? this.byNumber(given) : undefined;
      if (clash) return k3Result([], [{ FieldName: 'FBillNo', Message: `单据编号${given}已存在`, DIndex: 0 }]);
      existing.number = given ?? existing.number;
      existing.model = this.stored(model, existing.id, existing.number);
      return k3Result([{ Id: existing.id, Number: existing.number, DIndex: 0 }], []);
    }
    if (given && this.byNumber(given)) return k3Result([], [{ FieldName: 'FBillNo', Message: `单据编号${given}已存在`, DIndex: 0 }]);
    const number = given ?? this.generateNumber();
    const id = this.nextId++;
    this.byId.set(id, { id, number, status: 'A', model: this.stored(model, id, number) });
    return k3Result([{ Id: id, Number: number, DIndex: 0 }], []);
  }

  /** Submit (A → B) or Audit (B → C) of the bills named by `Numbers` or `Ids`. */
  transition(data: Record<string, unknown>, op: 'Submit' | 'Audit'): Record<string, unknown> {
    const targets = this.targets(data);
    if (targets.length === 0) return k3Result([], [{ FieldName: null, Message: '请指定需要操作的单据（Numbers 或 Ids）', DIndex: 0 }]);
    const [from, to] = op === 'Submit' ? (['A', 'B'] as const) : (['B', 'C'] as const);
    const ok: Array<{ Id: number; Number: string; DIndex: number }> = [];
    const errors: K3Error[] = [];
    targets.forEach((t, index) => {
      const order = typeof t === 'number' ? this.byId.get(t) : this.byNumber(t);
      if (!order) return errors.push({ FieldName: null, Message: `单据${t}不存在`, DIndex: index });
      if (order.status !== from) {
        const why = op === 'Submit' ? '不是创建状态，不能提交' : order.status === 'A' ? '未提交，不能审核' : '已审核，不能重复审核';
        return errors.push({ FieldName: null, Message: `单据${order.number}${why}`, DIndex: index });
      }
      order.status = to;
      (order.model as Record<string, unknown>).FDocumentStatus = to;
      ok.push({ Id: order.id, Number: order.number, DIndex: index });
    });
    return k3Result(ok, errors);
  }

  private targets(data: Record<string, unknown>): Array<string | number> {
    const numbers = data.Numbers;
    if (Array.isArray(numbers) && numbers.length) return numbers.map(String);
    if (typeof numbers === 'string' && numbers.trim()) return numbers.split(',').map((s) => s.trim());
    const ids = data.Ids;
    const list = Array.isArray(ids) ? ids : typeof ids === 'string' ? ids.split(',') : typeof ids === 'number' ? [ids] : [];
    return list.map((x) => Number(String(x).trim())).filter((n) => Number.isInteger(n) && n > 0);
  }

  private stored(model: Record<string, unknown>, id: number, number: string): Record<string, unknown> {
    const copy = structuredClone(model);
    const entries = (copy.FSaleOrderEntry as Array<Record<string, unknown>>).map((e) => ({ ...e, FEntryID: Number(e.FEntryID ?? 0) || this.nextEntryId++ }));
    return { ...copy, FID: id, FBillNo: number, FDocumentStatus: 'A', FSaleOrderEntry: entries };
  }

  private generateNumber(): string {
    for (;;) {
      const no = `XSDD${String(this.nextNo++).padStart(6, '0')}`;
      if (!this.byNumber(no)) return no;
    }
  }
}
