// The staff label-file routes, mounted in the staff router behind its session check: each institution's status,
// an institution's history, and the upload (raw bytes, the name in FILE_NAME_HEADER), its confirm and its cancel.
// Who may do what is checked by the service (services/staff/access.ts, 'labels').
import { Router } from 'express';
import { FILE_NAME_HEADER, staffApi as api } from '../api/endpoints.ts';
import { brinParamSchema } from '../api/staff.ts';
import { uploadFileNameSchema, uploadParamsSchema } from '../api/staff-labels.ts';
import type { LabelUploads } from '../services/labels/label-uploads.ts';
import { badRequest } from '../services/common/errors.ts';
import { parse } from './middleware/validate.ts';

export function staffLabelsRouter({ labelUploads }: { labelUploads: LabelUploads }): Router {
  const r = Router({ caseSensitive: true, strict: true });

  r.get(api.labelStatuses.route, (_req, res) => {
    res.json(labelUploads.statuses(res.locals.staff!));
  });
  r.get(api.labelHistory.route, (req, res) => {
    res.json(labelUploads.history(res.locals.staff!, parse(brinParamSchema, req.params).brin));
  });
  r.post(api.uploadLabels.route, async (req, res) => {
    try {
      const { brin } = parse(brinParamSchema, req.params);
      if (!req.is('application/octet-stream')) throw badRequest([{ path: 'content-type', message: 'application/octet-stream' }]);
      const fileName = parse(uploadFileNameSchema, req.get(FILE_NAME_HEADER) ?? '');
      const length = req.get('content-length');
      const declared = length !== undefined && /^\d+$/.test(length) ? Number(length) : null;
      res.status(201).json(await labelUploads.receive(res.locals.staff!, brin, fileName, req, declared));
    } catch (err) {
      // Refused before the whole body was read (no access, too large): the rest of it still comes on this
      // connection, so the client must not send its next request there.
      if (!req.complete) res.set('Connection', 'close');
      throw err;
    }
  });
  r.post(api.confirmLabels.route, async (req, res) => {
    const { brin, id } = parse(uploadParamsSchema, req.params);
    res.json(await labelUploads.confirm(res.locals.staff!, brin, id));
  });
  r.delete(api.cancelLabels.route, async (req, res) => {
    const { brin, id } = parse(uploadParamsSchema, req.params);
    await labelUploads.cancel(res.locals.staff!, brin, id);
    res.status(204).end();
  });
  return r;
}
