import type { CallCounter } from "./counter";
import { displayOf } from "./numberFormat";
import { type FakeDataValidation, FakeDataValidationBuilder } from "./validation";

// SpreadsheetApp in memory: one spreadsheet of sheets of cells, with the parts of the real
// API the add-on uses. Each class implements Partial<the real interface>, so tsc holds every
// method to the real signature; the casts at the boundaries are the price of Partial.

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type DataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

export { FakeDataValidation } from "./validation";

/** A rectangle of cells given a setting (validation, number format); the latest wins. */
type Area<T> = { row: number; column: number; rows: number; columns: number; value: T };

const inside = (a: Area<unknown>, row: number, column: number) =>
  row >= a.row && row < a.row + a.rows && column >= a.column && column < a.column + a.columns;

function latestAt<T>(areas: readonly Area<T>[], row: number, column: number): T | undefined {
  for (let i = areas.length - 1; i >= 0; i--) {
    const area = areas[i];
    if (area && inside(area, row, column)) return area.value;
  }
  return undefined;
}

export class FakeRange implements Partial<Range> {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly rows: number,
    private readonly columns: number,
  ) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1) {
      throw new Error(`invalid range ${row},${column} ${rows}x${columns}`);
    }
  }

  private self(): Range {
    return this as unknown as Range;
  }

  private area<T>(value: T): Area<T> {
    return { row: this.row, column: this.column, rows: this.rows, columns: this.columns, value };
  }

  getRow = () => this.row;
  getColumn = () => this.column;
  getNumRows = () => this.rows;
  getNumColumns = () => this.columns;
  getLastRow = () => this.row + this.rows - 1;
  getLastColumn = () => this.column + this.columns - 1;
  getSheet = () => this.sheet as unknown as Sheet;

  getValues(): unknown[][] {
    this.sheet.counter.count("getValues");
    const out: unknown[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const source = this.sheet.cells[this.row - 1 + r];
      const line: unknown[] = [];
      for (let c = 0; c < this.columns; c++) line.push(source?.[this.column - 1 + c] ?? "");
      out.push(line);
    }
    // A person typing while a trigger runs: what they type lands after this read.
    const typing = this.sheet.whileReading.shift();
    typing?.();
    return out;
  }

  /** As Sheets shows the cells: each under its number format. */
  getDisplayValues(): string[][] {
    this.sheet.counter.count("getDisplayValues");
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.columns }, (_, c) => {
        const row = this.row + r;
        const column = this.column + c;
        const format = latestAt(this.sheet.numberFormats, row, column) ?? "General";
        return displayOf(this.sheet.cells[row - 1]?.[column - 1], format);
      }),
    );
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? "";
  }

  getValue(): unknown {
    return this.sheet.cells[this.row - 1]?.[this.column - 1] ?? "";
  }

  /** As the real one: the data must be exactly the range's size, and strict rules hold. */
  setValues(values: unknown[][]): Range {
    this.sheet.counter.count("setValues");
    if (values.length !== this.rows || values.some((line) => line.length !== this.columns)) {
      throw new Error(
        `The number of rows or columns in the data does not match the range (${this.rows}x${this.columns})`,
      );
    }
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.columns; c++) {
        this.sheet.write(this.row + r, this.column + c, values[r]?.[c]);
      }
    }
    return this.self();
  }

  setValue(value: unknown): Range {
    this.sheet.counter.count("setValue");
    this.sheet.write(this.row, this.column, value);
    return this.self();
  }

  setDataValidation(rule: DataValidation | null): Range {
    this.sheet.counter.count("setDataValidation");
    this.sheet.validations.push(this.area(rule as unknown as FakeDataValidation | null));
    return this.self();
  }

  getDataValidation(): DataValidation | null {
    return this.sheet.validationAt(this.row, this.column) as unknown as DataValidation | null;
  }

  setNumberFormat(numberFormat: string): Range {
    this.sheet.counter.count("setNumberFormat");
    this.sheet.numberFormats.push(this.area(numberFormat));
    return this.self();
  }

  getNumberFormat(): string {
    return latestAt(this.sheet.numberFormats, this.row, this.column) ?? "General";
  }

  setNote(note: string | null): Range {
    this.sheet.notes.set(`${this.row},${this.column}`, note ?? "");
    return this.self();
  }

  getNote(): string {
    return this.sheet.notes.get(`${this.row},${this.column}`) ?? "";
  }

  getNotes(): string[][] {
    this.sheet.counter.count("getNotes");
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from(
        { length: this.columns },
        (_, c) => this.sheet.notes.get(`${this.row + r},${this.column + c}`) ?? "",
      ),
    );
  }

  /** As the real one: the notes must be exactly the range's size. */
  setNotes(notes: (string | null)[][]): Range {
    this.sheet.counter.count("setNotes");
    if (notes.length !== this.rows || notes.some((line) => line.length !== this.columns)) {
      throw new Error(
        `The number of rows or columns in the data does not match the range (${this.rows}x${this.columns})`,
      );
    }
    notes.forEach((line, r) => {
      line.forEach((note, c) => {
        this.sheet.notes.set(`${this.row + r},${this.column + c}`, note ?? "");
      });
    });
    return this.self();
  }

  setFontWeight(_fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.self();
  }
}

class FakeDeveloperMetadata implements Partial<GoogleAppsScript.Spreadsheet.DeveloperMetadata> {
  constructor(
    private readonly key: string,
    private readonly value: string | null,
  ) {}
  getKey = () => this.key;
  getValue = () => this.value;
}

export class FakeSheet implements Partial<Sheet> {
  /** cells[row - 1][column - 1]; missing cells read as "". */
  readonly cells: unknown[][] = [];
  readonly validations: Area<FakeDataValidation | null>[] = [];
  readonly numberFormats: Area<string>[] = [];
  readonly notes = new Map<string, string>();
  readonly hiddenColumns = new Set<number>();
  readonly metadata: FakeDeveloperMetadata[] = [];
  /** Edits a person makes while a getValues() of this sheet runs, one per read, in order. */
  readonly whileReading: (() => void)[] = [];
  frozenRows = 0;
  maxRows = 1000;
  maxColumns = 26;

  constructor(
    readonly parent: FakeSpreadsheet,
    private name: string,
    readonly counter: CallCounter,
  ) {}

  write(row: number, column: number, value: unknown): void {
    const rule = this.validationAt(row, column);
    if (rule && !rule.accepts(value)) {
      throw new Error(
        `The data you entered in cell R${row}C${column} violates the data validation rules set on this cell`,
      );
    }
    if (row > this.maxRows) this.maxRows = row;
    if (column > this.maxColumns) this.maxColumns = column;
    const line = this.cells[row - 1] ?? [];
    this.cells[row - 1] = line;
    line[column - 1] = value;
  }

  validationAt(row: number, column: number): FakeDataValidation | null {
    return latestAt(this.validations, row, column) ?? null;
  }

  getName = () => this.name;
  setName(name: string): Sheet {
    this.name = name;
    return this as unknown as Sheet;
  }
  getParent = () => this.parent as unknown as Spreadsheet;
  getMaxRows = () => this.maxRows;
  getMaxColumns = () => this.maxColumns;
  getFrozenRows = () => this.frozenRows;

  getRange(row: number | string, column?: number, numRows = 1, numColumns = 1): Range {
    this.counter.count("getRange");
    if (typeof row === "string") throw new Error("the stand-in takes row and column numbers");
    return new FakeRange(this, row, column ?? 1, numRows, numColumns) as unknown as Range;
  }

  getLastRow(): number {
    this.counter.count("getLastRow");
    for (let r = this.cells.length - 1; r >= 0; r--) {
      if (this.cells[r]?.some((v) => v !== "" && v !== null && v !== undefined)) return r + 1;
    }
    return 0;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }

  isColumnHiddenByUser = (column: number) => this.hiddenColumns.has(column);

  setColumnWidth(_columnPosition: number, _width: number): Sheet {
    return this as unknown as Sheet;
  }

  addDeveloperMetadata(key: string, value?: unknown): Sheet {
    this.metadata.push(new FakeDeveloperMetadata(key, typeof value === "string" ? value : null));
    return this as unknown as Sheet;
  }

  getDeveloperMetadata(): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
    return this.metadata as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata[];
  }
}

export class FakeSpreadsheet implements Partial<Spreadsheet> {
  readonly sheets: FakeSheet[];
  readonly toasts: string[] = [];
  private active: FakeSheet;
  private readonly id = `sheet-${Math.random().toString(36).slice(2, 10)}`;

  constructor(
    readonly counter: CallCounter,
    private readonly timeZone = "Asia/Tokyo",
    firstSheet = "Sheet1",
  ) {
    this.active = new FakeSheet(this, firstSheet, counter);
    this.sheets = [this.active];
  }

  getId = () => this.id;
  getSheets = () => this.sheets as unknown as Sheet[];
  getSheetByName = (name: string) =>
    (this.sheets.find((s) => s.getName() === name) ?? null) as unknown as Sheet | null;
  getActiveSheet = () => this.active as unknown as Sheet;
  getSpreadsheetTimeZone = () => this.timeZone;

  insertSheet(name?: unknown): Sheet {
    const sheetName = typeof name === "string" ? name : `Sheet${this.sheets.length + 1}`;
    if (this.sheets.some((s) => s.getName() === sheetName)) {
      throw new Error(`A sheet with the name "${sheetName}" already exists`);
    }
    const sheet = new FakeSheet(this, sheetName, this.counter);
    this.sheets.push(sheet);
    this.active = sheet;
    return sheet as unknown as Sheet;
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.active = sheet as unknown as FakeSheet;
    return sheet;
  }

  toast(msg: string): void {
    this.toasts.push(msg);
  }
}

/** The SpreadsheetApp global over one spreadsheet and one Ui. */
export function fakeSpreadsheetApp(
  spreadsheet: FakeSpreadsheet,
  ui: GoogleAppsScript.Base.Ui,
): Partial<GoogleAppsScript.Spreadsheet.SpreadsheetApp> {
  return {
    getActive: () => spreadsheet as unknown as Spreadsheet,
    getActiveSpreadsheet: () => spreadsheet as unknown as Spreadsheet,
    getActiveSheet: () => spreadsheet.getActiveSheet(),
    getUi: () => ui,
    newDataValidation: () => new FakeDataValidationBuilder() as unknown as DataValidationBuilder,
  };
}
