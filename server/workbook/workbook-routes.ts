/**
 * HTTP for workbooks: GET /tables/:id.xlsx (download; Authorization header or a signed address),
 * POST /tables/:id.xlsx (upload; ?dryRun=true; Accept: the xlsx type answers the marked workbook).
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import { Access } from '../auth/access';
import { authenticate } from '../auth/tokens';
import { User } from '../entities';
import type { Logger } from '../logger';
import type { Lang } from '../../domain/sheet/table-sheet';
import { verifySignedLink } from './download-links';
import { downloadWorkbook } from './table-download';
import { uploadWorkbook } from './table-upload';
import { Refusal } from '../../domain/refusal';
import { httpStatusOf } from '../http/refusal-status';
import { WorkbookRefused } from './workbook-errors';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function langOf(req: Request): Lang {
  if (req.query.lang === 'en' || req.query.lang === 'vi') return req.query.lang;
  return 'vi';
}

const signInFirst = () => new WorkbookRefused(401, 'UNAUTHENTICATED', 'Cần đăng nhập (gửi mã truy cập trong tiêu đề Authorization)', 'Sign in first (send an access token in the Authorization header)');

/** The caller: the bearer token's user, or the user a valid signed address was made for (downloads only). */
async function callerOf(em: EntityManager, req: Request, allowSignedLink: boolean): Promise<{ access: Access; login: string }> {
  if (req.headers.authorization) {
    let token;
    try {
      token = await authenticate(em, req.headers.authorization);
    } catch (error) {
      if (error instanceof Refusal) throw new WorkbookRefused(401, 'UNAUTHENTICATED', error.messageVi, error.messageEn);
      throw error;
    }
    if (token) return { access: await Access.load(em, token.user), login: token.user.login };
  }
  const userId = allowSignedLink ? verifySignedLink(String(req.params.id), req.query as Record<string, unknown>) : null;
  if (userId !== null) {
    const user = await em.findOne(User, { id: userId });
    if (user && !user.disabled) return { access: await Access.load(em, user), login: user.login };
  }
  if (allowSignedLink && req.query.signature !== undefined) {
    throw new WorkbookRefused(401, 'LINK_EXPIRED', 'Địa chỉ tải về đã hết hạn hoặc không hợp lệ; hãy lấy địa chỉ mới', 'The download address expired or is not valid; ask for a new one');
  }
  throw signInFirst();
}

export function refuse(res: Response, log: Logger, error: unknown): void {
  if (error instanceof WorkbookRefused) {
    res.status(error.status).json(error.toJSON());
    return;
  }
  // A service's refusal (a bad token while reading the caller, say) in the workbook answers' shape.
  if (error instanceof Refusal) {
    res.status(httpStatusOf(error)).json({ status: 'REFUSED', code: error.code, messageVi: error.messageVi, messageEn: error.messageEn, cells: [] });
    return;
  }
  log.error({ err: error }, 'workbook request failed');
  res.status(500).json({ status: 'REFUSED', code: 'INTERNAL_SERVER_ERROR', messageVi: 'Lỗi máy chủ', messageEn: 'Internal error', cells: [] });
}

export function attachment(res: Response, fileName: string, body: Buffer): void {
  res
    .type(XLSX_TYPE)
    .set('Content-Disposition', `attachment; filename="table.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .set('Cache-Control', 'no-store')
    .send(body);
}

export function workbookRouter(orm: MikroORM, log: Logger, maxBodyBytes: number): Router {
  const router = express.Router();
  router.get('/tables/:id.xlsx', async (req, res) => {
    try {
      const em = orm.em.fork();
      const { access } = await callerOf(em, req, true);
      const file = await downloadWorkbook(em, access, { tableId: String(req.params.id), version: req.query.version, lang: langOf(req), serverUrl: `${req.protocol}://${req.get('host')}` });
      attachment(res, file.fileName, file.body);
    } catch (error) {
      refuse(res, log, error);
    }
  });
  const body = express.raw({ type: () => true, limit: maxBodyBytes });
  router.post('/tables/:id.xlsx', (req, res, next) =>
    body(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status;
      if (status !== 413) return next(error);
      refuse(res, log, new WorkbookRefused(413, 'PAYLOAD_TOO_LARGE', `Tệp lớn hơn giới hạn ${maxBodyBytes} byte của máy chủ`, `The file is larger than the server's limit of ${maxBodyBytes} bytes`));
    }),
  async (req, res) => {
    try {
      const em = orm.em.fork();
      const caller = await callerOf(em, req, false);
      const marked = (req.get('accept') ?? '').includes(XLSX_TYPE);
      const uploaded = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const { answer, workbook } = await uploadWorkbook(em, caller.access, caller.login, { tableId: String(req.params.id), body: uploaded, dryRun: req.query.dryRun === 'true', marked, lang: langOf(req) });
      if (workbook) {
        res.set('X-PlanBridge-Status', answer.status);
        attachment(res, `planbridge-${answer.tableId}-checked.xlsx`, workbook);
      } else res.status(answer.status === 'APPLIED' || answer.status === 'UNCHANGED' ? 200 : 422).json(answer);
    } catch (error) {
      refuse(res, log, error);
    }
  });
  return router;
}
