import type { jaImportErrors } from './import-errors.ja.ts';

export const enImportErrors: Record<keyof typeof jaImportErrors, string> = {
  ledger_empty:
    'There is nothing to import (the file is empty, or has a header row only). Choose a file with the ledger’s data.',
  ledger_wrong_type:
    'This file cannot be read as a ledger. Choose an Excel file (.xlsx) or a CSV or text file (.csv, .txt).',
  ledger_too_large:
    'The file is too large (at most {{maxMegabytes}} MB). Split the ledger into several files, by year for example, and import them one after another.',
  ledger_too_many_rows:
    'The file has too many rows (the most one import takes is {{maxRows}}). Split the ledger into several files, by year for example, and import them one after another.',
  ledger_password_protected:
    'A file protected with a password cannot be read. Remove the password in Excel, save the file again, then import it.',
  ledger_old_xls: 'The old Excel format (.xls) cannot be read. Save the file again in Excel as .xlsx, then import it.',
  ledger_unreadable_workbook:
    'This Excel file is damaged and cannot be read. Check that Excel opens it, save it again as .xlsx, then import it.',
  ledger_mixed_encoding:
    'The file mixes lines in different character encodings (lines {{utf8Line}} and {{otherLine}} differ). Export it again from the program it came from, then import it.',
  ledger_unreadable_text:
    'Line {{line}} has characters that cannot be read (neither UTF-8 nor Shift_JIS). Open the file in Excel, save it as "CSV UTF-8", then import it.',
  ledger_no_header:
    'No header row was found. Put a row of column names (name, phone, …) near the top of the file (rows searched: {{rows}}), then import the file.',
  ledger_cancelled: 'Reading the file was stopped. Nothing was imported.',
  import_mapping_incomplete:
    'The columns are not all assigned yet. Choose the name column (and the others), then import.',
  import_nothing_to_import: 'There is no guest row to import. See why the rows were set aside.',
  import_not_found: 'This import cannot be found.',
  import_already_undone: 'This import was already undone (perhaps on another PC).',
};
