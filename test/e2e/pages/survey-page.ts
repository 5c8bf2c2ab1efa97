// Page model of the survey: intro, theme pages, finish. Answers whatever questions a page shows, so the
// specs keep working as the questionnaire grows.
import { expect, type Locator, type Page } from '@playwright/test';

export class SurveyPage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Beginnen|Start)$/ }).click();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Volgende|Next|Naar afronden|To the end)$/ }).click();
  }

  async previous(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Vorige|Previous)$/ }).click();
  }

  onFinish(): Promise<boolean> {
    return this.page.getByRole('button', { name: /^(Versturen|Send)$/ }).isVisible();
  }

  /** Picks one answer, by its visible text, in a question (a `.question` locator). */
  async choose(question: Locator, option: string): Promise<void> {
    await question.locator('.choice', { has: this.page.getByText(option, { exact: true }) }).first().click();
  }

  /** Answers every unanswered question on the page, again after routing shows new ones. */
  async answerPage(): Promise<number> {
    let answered = 0;
    for (let round = 0; round < 5; round++) {
      const before = answered;
      for (const q of await this.page.locator('.question').all()) {
        const rows = q.locator('.grid-row');
        if ((await rows.count()) > 0) {
          for (const row of await rows.all()) {
            if ((await row.locator('input:checked').count()) === 0) {
              await row.locator('.choice').nth(3).click();
              answered++;
            }
          }
          continue;
        }
        const choices = q.locator('.choice');
        if ((await choices.count()) > 0) {
          if ((await q.locator('input:checked').count()) === 0) {
            await choices.nth(Math.min(6, (await choices.count()) - 1)).click();
            answered++;
          }
          continue;
        }
        const field = q.locator('input[type="text"], textarea').first();
        if ((await field.inputValue()) === '') {
          const numeric = (await field.getAttribute('inputmode')) === 'numeric';
          await field.fill(numeric ? '12' : 'Prima school.');
          answered++;
        }
      }
      if (answered === before) break;
    }
    return answered;
  }

  /** Names of the radio groups on this page (question id, or question.item for a grid row) without a choice. */
  unansweredGroups(): Promise<string[]> {
    return this.page.evaluate(() => {
      const seen = new Set<string>();
      const open: string[] = [];
      for (const input of document.querySelectorAll<HTMLInputElement>('.question input[type="radio"]')) {
        if (seen.has(input.name)) continue;
        seen.add(input.name);
        if (!document.querySelector(`input[name="${CSS.escape(input.name)}"]:checked`)) open.push(input.name);
      }
      return open;
    });
  }

  /** Picks option `index` (or the last one) of a radio group by clicking its label. */
  async chooseInGroup(name: string, index: number): Promise<void> {
    const options = this.page.locator(`input[type="radio"][name="${name}"]`);
    await options.first().waitFor();
    const n = await options.count();
    await options.nth(Math.min(index, n - 1)).locator('xpath=..').click();
  }

  /** Answers the next n unanswered radio groups, moving on to the next page when this one has none left.
   *  Returns their names in the order answered. */
  async answerNext(n: number): Promise<string[]> {
    const done: string[] = [];
    while (done.length < n) {
      const open = await this.unansweredGroups();
      if (open.length === 0) {
        if (await this.onFinish()) break;
        const title = await this.heading().textContent();
        await this.next();
        await expect(this.heading()).not.toHaveText(title!);
        continue;
      }
      await this.chooseInGroup(open[0]!, 3);
      done.push(open[0]!);
    }
    return done;
  }

  async waitUntilSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /^(Opgeslagen|Saved)$/ })).toBeVisible();
  }

  /** What this device keeps in its persisted store (see client/features/survey/stores/survey-store.ts). */
  stored(): Promise<{ pending: Record<string, unknown>; events: unknown[]; answers: Record<string, unknown> }> {
    return this.page.evaluate(() => JSON.parse(localStorage.getItem('jm.survey') ?? '{"state":{}}').state);
  }

  /** Every answer and timing event acknowledged by the server: nothing left in the queue. */
  async waitUntilNothingPending(timeout = 30_000): Promise<void> {
    await expect
      .poll(async () => {
        const s = await this.stored();
        return Object.keys(s.pending ?? {}).length + (s.events ?? []).length;
      }, { timeout })
      .toBe(0);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Versturen|Send)$/ }).click();
  }

  async expectNoHorizontalScroll(): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'page scrolls horizontally').toBeLessThanOrEqual(0);
  }
}
