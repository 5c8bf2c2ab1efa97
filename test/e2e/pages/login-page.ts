// Page model of the login screen.
import type { Page } from '@playwright/test';
import type { Login } from '../fixtures.ts';

export class LoginPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.getByRole('heading', { name: /Inloggen|Log in/ }).waitFor();
  }

  async fill(login: Pick<Login, 'school' | 'surname' | 'birthDate'>): Promise<void> {
    const school = this.page.getByRole('combobox', { name: 'School' });
    await school.fill(login.school.split(' ').slice(1, 3).join(' '));
    await this.page.getByRole('option', { name: login.school }).click();
    await this.page.getByLabel(/^(Achternaam|Surname)$/).fill(login.surname);
    await this.page.getByLabel(/^(Geboortedatum|Date of birth)$/).fill(login.birthDate);
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
  }

  async logIn(login: Pick<Login, 'school' | 'surname' | 'birthDate'>): Promise<void> {
    await this.open();
    await this.fill(login);
    await this.submit();
  }
}
