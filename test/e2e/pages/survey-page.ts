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

  async waitUntilSaved(): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: /^(Opgeslagen|Saved)$/ })).toBeVisible();
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Versturen|Send)$/ }).click();
  }

  async expectNoHorizontalScroll(): Promise<void> {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'page scrolls horizontally').toBeLessThanOrEqual(0);
  }
}
