// The runtime UI and the designer format dates the same way.
export { formatDate, formatDateTime, formatSpan, formatWorkingMinutes } from '../../../ui-shared/format/dateTime.ts';
