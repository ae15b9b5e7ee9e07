// Data validation rules (dropdowns, checkboxes) as SpreadsheetApp.newDataValidation() builds them.

type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export type Criteria = "VALUE_IN_LIST" | "CHECKBOX";

export class FakeDataValidation implements Partial<DataValidation> {
  constructor(
    readonly criteria: Criteria,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
  ) {}

  getCriteriaType() {
    return this.criteria as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
  }

  getCriteriaValues(): unknown[] {
    return this.values;
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  /** Whether `value` passes: what the real sheet refuses for a strict rule. */
  accepts(value: unknown): boolean {
    if (this.allowInvalid || value === "" || value === null || value === undefined) return true;
    if (this.criteria === "CHECKBOX") return typeof value === "boolean";
    return (this.values[0] as unknown[]).includes(String(value));
  }
}

export class FakeDataValidationBuilder implements Partial<DataValidationBuilder> {
  private criteria: Criteria = "VALUE_IN_LIST";
  private values: unknown[] = [];
  private allowInvalid = true;

  private self(): DataValidationBuilder {
    return this as unknown as DataValidationBuilder;
  }

  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    this.criteria = "VALUE_IN_LIST";
    this.values = [values, showDropdown];
    return this.self();
  }

  requireCheckbox(): DataValidationBuilder {
    this.criteria = "CHECKBOX";
    this.values = [];
    return this.self();
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return this.self();
  }

  build(): DataValidation {
    return new FakeDataValidation(
      this.criteria,
      this.values,
      this.allowInvalid,
    ) as unknown as DataValidation;
  }
}
