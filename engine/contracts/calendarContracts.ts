import { Type } from '@sinclair/typebox';
import { contract } from './contract.ts';

const DayKind = Type.Union([
  Type.Literal('libur-nasional'),
  Type.Literal('cuti-bersama'),
  Type.Literal('libur-daerah'),
]);

/** A year's holiday list for one regency: official (an SKB) or provisional, and its regional days. */
export const CalendarYearStatusSchema = Type.Object({
  year: Type.Integer(),
  status: Type.Union([Type.Literal('official'), Type.Literal('provisional')]),
  decrees: Type.Array(Type.String()),
  regency: Type.String(),
  regionalDays: Type.Integer({ minimum: 0 }),
});

/** One admin change of the holiday calendar (the audit trail). */
export const CalendarChangeSchema = Type.Object({
  id: Type.Integer(),
  regencyId: Type.Union([Type.String(), Type.Null()]),
  year: Type.Integer(),
  action: Type.Union([Type.Literal('year'), Type.Literal('add'), Type.Literal('remove')]),
  date: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  kind: Type.Union([DayKind, Type.Null()]),
  decree: Type.String(),
  createdByName: Type.String(),
  createdAt: Type.String(),
});

/** What an admin sends to add a year's list, amend it, or add regional days. */
export const CalendarChangeInputSchema = Type.Object(
  {
    scope: Type.Union([Type.Literal('year'), Type.Literal('amendment'), Type.Literal('regional')]),
    year: Type.Integer(),
    decree: Type.String({ maxLength: 500 }),
    days: Type.Array(
      Type.Object(
        {
          date: Type.String({ maxLength: 10 }),
          name: Type.Optional(Type.String({ maxLength: 200 })),
          kind: Type.Optional(DayKind),
          action: Type.Optional(Type.Union([Type.Literal('add'), Type.Literal('remove')])),
        },
        { additionalProperties: false },
      ),
      { maxItems: 400 },
    ),
  },
  { additionalProperties: false },
);

/** The holiday calendar: status for drafters and admins, changes by admins. */
export const calendarContracts = {
  status: contract({
    method: 'get',
    path: '/api/calendar/status',
    reply: {
      200: Type.Object({ years: Type.Array(CalendarYearStatusSchema), provisional: Type.Array(Type.Integer()) }),
    },
  }),
  admin: contract({
    method: 'get',
    path: '/api/admin/calendar',
    reply: {
      200: Type.Object({
        status: Type.Array(CalendarYearStatusSchema),
        shipped: Type.Array(
          Type.Object({ year: Type.Integer(), decrees: Type.Array(Type.String()), days: Type.Integer() }),
        ),
        changes: Type.Array(CalendarChangeSchema),
      }),
    },
  }),
  change: contract({
    method: 'post',
    path: '/api/admin/calendar/changes',
    body: CalendarChangeInputSchema,
    reply: { 201: Type.Object({ changes: Type.Integer(), recomputedCases: Type.Integer() }) },
  }),
};
