/// <reference types="google-apps-script" />

// Apps Script services as globals (SpreadsheetApp, UrlFetchApp, ...), for addon/ only in intent;
// the root program sees them too, which costs nothing since worker/ never names them.
