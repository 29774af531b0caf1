import PDFDocument from 'pdfkit';
import type { TraineeRecordCall } from '../db/calls.js';
import type { TraineeAssignment } from '../protocol/classes.js';

// The printable trainee record a centre files for certification: who, what was assigned and
// done, every scored call, and how often each checklist item was met, with lines to sign.

export type TraineeRecord = {
  trainee: { name: string; email: string };
  generatedAt: Date;
  calls: TraineeRecordCall[];
  assignments: TraineeAssignment[];
};

const MARGIN = 50;
const WIDTH = 595.28 - 2 * MARGIN; // A4

const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
const stamp = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const score = (n: number | null) => (n === null ? '-' : n.toFixed(1));
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);

/** A table: column widths as shares of the page, a bold header row, rows that start a new page when needed. */
function table(doc: PDFKit.PDFDocument, shares: number[], header: string[], rows: string[][]): void {
  const widths = shares.map((s) => s * WIDTH);
  const line = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 })));
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc.text(c, x, top, { width: widths[i]! - 4 });
      x += widths[i]!;
    });
    doc.x = MARGIN;
    doc.y = top + height + 3;
  };
  line(header, true);
  for (const r of rows) line(r, false);
  doc.moveDown(0.8);
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.font('Helvetica-Bold').fontSize(12).text(text, MARGIN, doc.y);
  doc.moveDown(0.3);
}

export function traineeRecordPdf(record: TraineeRecord, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `Trainee record: ${record.trainee.name}`, Creator: 'ringdown' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { calls, assignments } = record;
  doc.font('Helvetica-Bold').fontSize(18).text('Trainee record');
  doc.font('Helvetica').fontSize(10).text(`${record.trainee.name} <${record.trainee.email}>`).text(`Generated ${stamp(record.generatedAt)}`);
  doc.moveDown();

  const exams = calls.filter((c) => c.mode === 'exam');
  heading(doc, 'Summary');
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`Scored calls: ${calls.length}, mean score ${score(mean(calls.map((c) => c.score)))}`)
    .text(`Exams: ${exams.length}, mean score ${score(mean(exams.map((c) => c.score)))}`)
    .text(`Assignments done: ${assignments.filter((a) => a.status === 'done').length} of ${assignments.length}`);
  doc.moveDown();

  heading(doc, 'Assignments');
  if (assignments.length === 0) doc.font('Helvetica').fontSize(10).text('None.').moveDown();
  else {
    table(
      doc,
      [0.2, 0.36, 0.12, 0.18, 0.14],
      ['Class', 'Scenario', 'Mode', 'Status', 'Best score'],
      assignments.map((a) => [a.className, a.scenario.title, a.mode, a.status.replace('_', ' '), score(a.bestScore)]),
    );
  }

  heading(doc, 'Scored calls');
  if (calls.length === 0) doc.font('Helvetica').fontSize(10).text('None yet.').moveDown();
  else {
    table(
      doc,
      [0.16, 0.44, 0.16, 0.12, 0.12],
      ['Date', 'Scenario (version)', 'Kind', 'Mode', 'Score'],
      calls.map((c) => [day(c.startedAt), `${c.scenario.title} (v${c.scenario.version})`, c.scenario.nature, c.mode, score(c.score)]),
    );
  }

  const items = new Map<string, { label: string; passed: number; of: number }>();
  for (const item of calls.flatMap((c) => c.items)) {
    const seen = items.get(item.rubricItem) ?? { label: item.label, passed: 0, of: 0 };
    seen.of += 1;
    if (item.passed) seen.passed += 1;
    items.set(item.rubricItem, seen);
  }
  if (items.size > 0) {
    heading(doc, 'Checklist items');
    table(
      doc,
      [0.7, 0.3],
      ['Item', 'Met'],
      [...items.values()].map((i) => [i.label, `${i.passed} of ${i.of}`]),
    );
  }

  doc.moveDown(2);
  doc.font('Helvetica').fontSize(10).text('Instructor: ______________________________    Date: ______________', MARGIN, doc.y);
  doc.moveDown(1.5).text('Trainee: _________________________________    Date: ______________');
  doc.end();
  return done;
}
