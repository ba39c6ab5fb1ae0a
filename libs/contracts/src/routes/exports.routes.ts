import { route } from './route';
import * as exports from '../exports';

export const exportRoutes = {
  createExport: route({
    method: 'POST',
    path: '/api/conversations/:id/exports',
    tag: 'exports',
    summary: 'Start a de-identified data export (analysts and admins); a job writes the file',
    access: ['analyst', 'admin'],
    status: 202,
    body: exports.createExportRequest,
    response: exports.exportJob,
  }),
  listExports: route({
    method: 'GET',
    path: '/api/conversations/:id/exports',
    tag: 'exports',
    summary: 'The latest exports of a conversation with their progress and download links',
    access: ['analyst', 'admin'],
    status: 200,
    response: exports.exportList,
  }),
  getExport: route({
    method: 'GET',
    path: '/api/exports/:id',
    tag: 'exports',
    summary: 'One export: status, progress (0 to 1) and, when done, a download link that expires',
    access: ['analyst', 'admin'],
    status: 200,
    response: exports.exportJob,
  }),
  downloadExport: route({
    method: 'GET',
    path: '/api/exports/:id/download',
    tag: 'exports',
    summary: 'The export file, through the signed link in the export (EXPORT_EXPIRED after)',
    access: 'public',
    status: 200,
    query: exports.downloadQuery,
  }),
  exportSchema: route({
    method: 'GET',
    path: '/api/schemas/export.json',
    tag: 'exports',
    summary: 'The JSON Schema of JSON exports',
    access: 'public',
    status: 200,
  }),
} as const;
