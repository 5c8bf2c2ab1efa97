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

/** The main menu's links, in order. */
export function menuLinks(page: Page): Locator {
  return page.getByRole('navigation', { name: /^(Hoofdmenu|Main menu)$/ }).getByRole('link');
}

export class ResponseOverviewPage {
  constructor(readonly page: Page) {}

  async open(brin?: string): Promise<void> {
    await this.page.goto(brin ? `/staff/respons/${brin}` : '/staff/respons');
    await this.page.getByRole('heading', { level: 1, name: /^(Respons|Response|National response)/ }).waitFor();
  }

  /** The label tree's table. */
  tree(): Locator {
    return this.page.getByRole('table', { name: /^(Respons per groep van|Response per group of)/ });
  }

  /** The tree row whose header is this group's name (a screen reader hears the path before it). */
  group(name: string): Locator {
    return this.tree().getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`(^|› )${name}$`) }) });
  }

  /** Opens every chart's table of figures. */
  async openChartTables(): Promise<void> {
    for (const summary of await this.page.getByText(/^(Toon de cijfers als tabel|Show the figures as a table)$/).all()) await summary.click();
  }
}

export class LabelFilePage {
  constructor(readonly page: Page) {}

  async open(brin?: string): Promise<void> {
    await this.page.goto(brin ? `/staff/labelbestand/${brin}` : '/staff/labelbestand');
    await this.page.getByRole('heading', { level: 1, name: /^(Labelbestand|Label file)/ }).waitFor();
  }

  /** Chooses the file with the file input, as the keyboard or a click on it would. */
  async choose(path: string): Promise<void> {
    await this.page.getByLabel(/^(Labelbestand \(\.xlsx of \.csv\)|Label file \(\.xlsx or \.csv\))$/).setInputFiles(path);
  }

  /** Drops the file onto the upload area, as dragging it from the desktop does. */
  async drop(name: string, bytes: Buffer): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ name, data }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
        return dt;
      },
      { name, data: bytes.toString('base64') },
    );
    await this.page.locator('.drop').dispatchEvent('dragover', { dataTransfer: transfer });
    await this.page.locator('.drop').dispatchEvent('drop', { dataTransfer: transfer });
  }

  async check(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Bestand controleren|Check file)$/ }).click();
    await this.page.getByRole('heading', { level: 3, name: /^(Controle van|Check of)/ }).waitFor();
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Bevestigen en opslaan|Confirm and store)$/ }).click();
    await this.page.getByRole('heading', { level: 3, name: /^(Opslaan van|Storing)/ }).waitFor();
  }

  /** The verdict of the last check or confirm. */
  verdict(): Locator {
    return this.page.locator('.report .notice').first();
  }

  /** The listed errors as [row, column, message]. */
  async errors(): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: /^(Fouten|Errors)$/ });
    const out: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) out.push((await row.locator('th, td').allInnerTexts()).map((s) => s.trim()));
    return out;
  }

  history(): Locator {
    return this.page.getByRole('table', { name: /^(Geaccepteerde labelbestanden|Accepted label files)/ });
  }
}

export class ResultsPage {
  constructor(readonly page: Page) {}

  async open(brin?: string): Promise<void> {
    await this.page.goto(brin ? `/staff/resultaten/${brin}` : '/staff/resultaten');
    await this.page.getByRole('heading', { level: 1, name: /^(Resultaten|Results|National results)/ }).waitFor();
  }

  async breakDownBy(label: string): Promise<void> {
    await this.page.getByLabel(/^(Uitsplitsen naar|Break down by)$/).selectOption({ label });
  }

  /** Shows the result row with this key (a question id, and `.item` for a grid item). */
  async question(key: string): Promise<void> {
    await this.page.getByLabel(/^(Vraag|Question)$/).selectOption(key);
  }

  /** The result table of the question shown first. */
  table(): Locator {
    return this.page.locator('.result table').first();
  }
}
