/**
 * The words of the legal form a company's name ends with: "Pty Ltd", "Limited", "Inc.", "plc", "LLP",
 * "Sdn Bhd" (lower case; a name prints them capitalised, in capitals or, for "plc", in lower case).
 */
export const LEGAL_FORM_WORDS = 'pty|ltd|limited|inc|incorporated|plc|llc|llp|gmbh|sdn|bhd';

/** The legal forms a Chinese company's name ends with: 股份有限公司, 有限责任公司, 有限公司, 股份公司. */
export const CN_LEGAL_FORMS = '股份有限公司|有限责任公司|有限公司|股份公司';
