import { Controller, Inject, Param, Req, Res } from '@nestjs/common';
import {
  type InsightReport,
  type ReportDecisionRequest,
  type ReportDraft,
  type ReportFileQuery,
  routes,
  type UpdateReportRequest,
} from '@razgovor/contracts';
import { AppError, reportMarkdown, ReportsService, type User } from '@razgovor/core';
import type { Request, Response } from 'express';
import { IdParam, OptionalUser } from '../conversations/params';
import { CurrentUser, Endpoint, ValidBody, ValidQuery } from '../http/endpoint';
import { ReportPrinter } from './report-printer';

/** The insight report: the facilitators' editor, the public report and its downloads. */
@Controller()
export class ReportsController {
  constructor(
    @Inject(ReportsService) private readonly reports: ReportsService,
    @Inject(ReportPrinter) private readonly printer: ReportPrinter,
  ) {}

  @Endpoint(routes.getReportDraft)
  draft(@CurrentUser() user: User, @Param('id') id: string): Promise<ReportDraft> {
    return this.reports.draft(user, id);
  }

  @Endpoint(routes.updateReport)
  update(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.updateReport) body: UpdateReportRequest,
  ): Promise<ReportDraft> {
    return this.reports.update(user, id, body);
  }

  @Endpoint(routes.addReportDecision)
  addDecision(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @ValidBody(routes.addReportDecision) body: ReportDecisionRequest,
  ): Promise<ReportDraft> {
    return this.reports.addDecision(user, id, body);
  }

  @Endpoint(routes.updateReportDecision)
  updateDecision(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @IdParam('decision', 'decisionId') decisionId: string,
    @ValidBody(routes.updateReportDecision) body: ReportDecisionRequest,
  ): Promise<ReportDraft> {
    return this.reports.updateDecision(user, id, decisionId, body);
  }

  @Endpoint(routes.removeReportDecision)
  removeDecision(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @IdParam('decision', 'decisionId') decisionId: string,
  ): Promise<ReportDraft> {
    return this.reports.removeDecision(user, id, decisionId);
  }

  @Endpoint(routes.publishReport)
  publish(@CurrentUser() user: User, @Param('id') id: string): Promise<ReportDraft> {
    return this.reports.publish(user, id, true);
  }

  @Endpoint(routes.unpublishReport)
  unpublish(@CurrentUser() user: User, @Param('id') id: string): Promise<ReportDraft> {
    return this.reports.publish(user, id, false);
  }

  @Endpoint(routes.getReport)
  report(@OptionalUser() viewer: User | null, @Param('id') id: string): Promise<InsightReport> {
    return this.reports.report(viewer, id);
  }

  @Endpoint(routes.getReportMarkdown)
  async markdown(
    @OptionalUser() viewer: User | null,
    @Param('id') id: string,
    @ValidQuery(routes.getReportMarkdown) query: ReportFileQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const report = await this.reports.report(viewer, id);
    const locale = query.lang ?? 'bg';
    response.setHeader('content-type', 'text/markdown; charset=utf-8');
    response.setHeader(
      'content-disposition',
      `attachment; filename="${report.conversation.slug}-report-${locale}.md"`,
    );

    return reportMarkdown(report, locale, `${request.protocol}://${request.get('host') ?? ''}`);
  }

  @Endpoint(routes.getReportPdf)
  async pdf(
    @OptionalUser() viewer: User | null,
    @Param('id') id: string,
    @ValidQuery(routes.getReportPdf) query: ReportFileQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const report = await this.reports.report(viewer, id);
    if (!report.publishedAt) {
      throw new AppError('REPORT_NOT_PUBLISHED', 'Publish the report before printing it');
    }

    const locale = query.lang ?? 'bg';
    // The page is read from this very process, as an anonymous visitor would see it.
    const address = `http://127.0.0.1:${request.socket.localPort ?? 0}`;
    const pdf = await this.printer.print(
      `${address}/conversations/${report.conversation.slug}/report?lang=${locale}&print=1`,
    );

    response.status(200);
    response.setHeader('content-type', 'application/pdf');
    response.setHeader(
      'content-disposition',
      `attachment; filename="${report.conversation.slug}-report-${locale}.pdf"`,
    );
    response.end(pdf);
  }
}
