// Page models of the staff app: sign-in, classroom sessions (create, open), and a session's live view.
import { expect, type Locator, type Page } from '@playwright/test';

export class StaffLoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/staff');
    await this.page.getByRole('heading', { name: /Inloggen voor medewerkers|Staff sign-in/ }).waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel(/^(E-mailadres|Email address)$/).fill(email);
    await this.page.getByLabel(/^(Wachtwoord|Password)$/).fill(password);
    await this.page.getByRole('button', { name: /^(Inloggen|Sign in)$/ }).click();
    await this.page.getByRole('heading', { level: 1, name: /Klassessies|Classroom sessions/ }).waitFor();
  }
}

export class SessionsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/staff');
    await this.page.getByRole('heading', { level: 1, name: /Klassessies|Classroom sessions/ }).waitFor();
  }

  /** Starts a session for the institution with this BRIN and waits for its page. */
  async create(brin: string, name: string): Promise<SessionPage> {
    await this.page.getByLabel(/^(Instelling|Institution)$/).selectOption(brin);
    await this.page.getByLabel(/^(Naam van de sessie|Session name)$/).fill(name);
    await this.page.getByRole('button', { name: /^(Sessie starten|Start session)$/ }).click();
    const session = new SessionPage(this.page);
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
    return session;
  }
}

export class SessionPage {
  constructor(readonly page: Page) {}

  async code(): Promise<string> {
    return (await this.page.locator('.code').textContent())!.trim();
  }

  /** The classroom link as shown to the class. */
  async link(): Promise<string> {
    return (await this.page.locator('.join a').first().getAttribute('href'))!;
  }

  connection(): Locator {
    return this.page.locator('.connection');
  }

  /** joined, loggedIn, answering or completed. */
  count(name: 'joined' | 'loggedIn' | 'answering' | 'completed'): Locator {
    return this.page.locator(`[data-count="${name}"]`);
  }

  failures(reason: 'not_found' | 'ambiguous' | 'locked' | 'completed'): Locator {
    return this.page.locator(`[data-failure="${reason}"]`);
  }

  /** How many students are on the page with this id now. */
  studentsOn(pageId: string): Locator {
    return this.page.locator(`tr[data-page="${pageId}"] td[data-now]`);
  }

  /** The page ids with at least one student on them now. */
  async occupiedPages(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const row of await this.page.locator('tr[data-page]').all()) {
      const n = Number(await row.locator('td[data-now]').getAttribute('data-now'));
      if (n > 0) out[(await row.getAttribute('data-page'))!] = n;
    }
    return out;
  }
}
