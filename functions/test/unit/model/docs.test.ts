/**
 * docs/data-model.md is generated from the schemas: the committed file must equal a fresh rendering,
 * and every field of every document must carry a description so the reference is complete.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DOC_PATH, documentTables, REGENERATE_COMMAND, renderDataModel } from '../../../scripts/gen-data-model';
import { DOCUMENTS } from '../../../src/model';

describe('docs/data-model.md', () => {
  it('is up to date with the schemas', () => {
    const committed = readFileSync(DOC_PATH, 'utf8');
    const fresh = renderDataModel();
    assert.ok(
      committed === fresh,
      `docs/data-model.md is stale: the schemas or the generator changed. Regenerate it from the repository root with\n  ${REGENERATE_COMMAND}\nand commit the result.`,
    );
  });

  it('describes every field of every document', () => {
    for (const d of DOCUMENTS) {
      for (const table of documentTables(d.schema)) {
        assert.ok(table.rows.length > 0, `${d.path} has fields`);
        for (const row of table.rows) assert.notEqual(row.description.trim(), '', `${d.path}: ${row.path} has no description`);
      }
    }
  });

  it('has a section with path and access for every document', () => {
    const markdown = renderDataModel();
    for (const d of DOCUMENTS) {
      assert.ok(markdown.includes(`### ${d.key}: \`${d.path}\``), `section for ${d.path}`);
      assert.ok(markdown.includes(`**Access:** ${d.access}`), `access for ${d.path}`);
    }
  });

  it('shows limits from the schemas', () => {
    const markdown = renderDataModel();
    assert.match(markdown, /\| `text` \| string 1–5000 chars \| yes \|/);
    assert.match(markdown, /\| `text` \| string 1–2000 chars \| yes \|/);
    assert.match(markdown, /\| `answers` \| array of integer 0–3 \(exactly 9 items\) \| yes \|/);
    assert.match(markdown, /\| `rating` \| integer 1–5 \| yes \|/);
    assert.match(markdown, /\| `analytics.minCellSize` \| integer 2–1000 \| yes \|/);
    assert.match(markdown, /\| `streak.lastDay` \| day `yyyy-mm-dd` or null \| yes \|/);
  });
});
