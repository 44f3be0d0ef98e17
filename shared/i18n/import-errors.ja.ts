// errors.detail.ledger_* : why a ledger file picked for import could not be read (LedgerReadError's codes,
// electron/core/imports/read/errors.ts), each saying what is wrong and what to do. Same keys in the .en file.
export const jaImportErrors = {
  ledger_empty:
    '取り込めるデータがありません（空のファイルか、見出しの行しかありません）。台帳のデータが入ったファイルを選んでください。',
  ledger_wrong_type:
    'このファイルは台帳として読めません。Excel のファイル（.xlsx）か、CSV・テキストファイル（.csv・.txt）を選んでください。',
  ledger_too_large:
    'ファイルが大きすぎます（{{maxMegabytes}}MBまで）。台帳を年ごとなどに分けて保存し、順に取り込んでください。',
  ledger_too_many_rows:
    '行が多すぎます（1回に{{maxRows}}行まで）。台帳を年ごとなどに分けて保存し、順に取り込んでください。',
  ledger_password_protected:
    'パスワードで保護されたファイルは読めません。Excel でパスワードを外して保存し直してから取り込んでください。',
  ledger_old_xls: '古い Excel 形式（.xls）は読めません。Excel で「.xlsx」形式で保存し直してから取り込んでください。',
  ledger_unreadable_workbook:
    'Excel ファイルが壊れているため読めません。Excel で開けるか確かめ、「.xlsx」形式で保存し直してから取り込んでください。',
  ledger_mixed_encoding:
    '文字コードの違う行が混ざっているため読めません（{{utf8Line}}行目と{{otherLine}}行目で違います）。元のソフトから出力し直してから取り込んでください。',
  ledger_unreadable_text:
    '{{line}}行目に読み取れない文字があります（UTF-8 でも Shift_JIS でもありません）。Excel で開き、「CSV UTF-8」形式で保存し直してから取り込んでください。',
  ledger_no_header:
    '見出しの行が見つかりません。最初の{{rows}}行のうちに「氏名」「電話」などの見出しの行を入れてから取り込んでください。',
  ledger_cancelled: 'ファイルの読み込みを中止しました。何も取り込まれていません。',
  import_mapping_incomplete: '列の割り当てが済んでいません。名前の列などを選んでから取り込んでください。',
  import_nothing_to_import: '取り込めるお客様の行がありません。取り込まない行の理由を確かめてください。',
  import_not_found: 'この取り込みは見つかりません。',
  import_already_undone: 'この取り込みはすでに元に戻されています（別のPCで戻された可能性があります）。',
};
