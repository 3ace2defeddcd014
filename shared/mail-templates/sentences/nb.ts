import { type Sentences } from "./sentences.js";

export const nb: Sentences = {
  severityName: { A: "A (kritisk)", B: "B (høy)", C: "C (ikke kritisk)" },
  reasons: {
    "sev-a-requires-advanced-agreement":
      "Alvorlighetsgrad A er bare tilgjengelig med en signert avtale om avanserte nettjenester.",
    "sev-a-requires-impact-statement": "Alvorlighetsgrad A krever en beskrivelse av virkningen for virksomheten.",
    "sev-a-technical-only": "Alvorlighetsgrad A er bare tilgjengelig for teknisk støtte.",
    "billing-max-severity-b": "Den høyeste alvorlighetsgraden for saker om fakturering og abonnement er B.",
    "phone-support-sev-a-only":
      "Abonnementet ditt har telefonstøtte bare for alvorlighetsgrad A; vi svarer på denne saken på nett.",
    "customer-silent": "vi ikke mottok informasjonen vi ba om i tide",
  },
  acknowledgementSubject: "[{caseId}] Vi har mottatt saken din: {title}",
  acknowledgement: [
    "Vi mottok støttesaken din «{title}» {received}.",
    "Saksnummer: {caseId}. Alvorlighetsgrad: {severity}.",
    "Du kan forvente vårt første svar innen {due} (innen {wait}).",
  ],
  adjusted: "Du ba om alvorlighetsgrad {requested}; saken ble åpnet med {severity}. {reasons}",
  severityChangedSubject: "[{caseId}] Alvorlighetsgraden er endret til {to}",
  severityChanged: ["Alvorlighetsgraden for saken «{title}» er endret fra {from} til {to}.", "Begrunnelse: {reason}"],
  severityChangedDue: "Du kan forvente vårt første svar innen {due}.",
  severityLoweredSubject: "[{caseId}] Alvorlighetsgraden er senket til {to}",
  severityLowered: [
    "Vi har senket alvorlighetsgraden for saken «{title}» fra {from} til {to} fordi {reason}.",
    "Vi har ventet på svaret ditt siden {since}.",
    "Send oss informasjonen vi ba om innen {due}, så kan vi fortsette.",
  ],
  customerReminderSubject: "[{caseId}] Påminnelse: vi venter på svaret ditt",
  customerReminder: [
    "Vi venter fortsatt på informasjonen vi ba om i saken «{title}» (siden {since}).",
    "Svar innen {due}, så kan vi fortsette.",
  ],
  customerReminderFinal: "Dette er vår siste påminnelse; uten svar fra deg kan vi lukke saken.",
  closingSurveySubject: "[{caseId}] Saken din er lukket – hva synes du om hjelpen?",
  closingSurvey: [
    "Saken din «{title}» ble lukket {when}.",
    "Vi vil gjerne høre hva du synes: svar på denne e-posten med en vurdering fra 1 (svært misfornøyd) til 5 (svært fornøyd), gjerne med en kommentar.",
    "Hvis problemet kommer tilbake, kan du gjenåpne saken til {until}.",
  ],
  reopenedSubject: "[{caseId}] Saken din er gjenåpnet",
  reopened: ["Saken din «{title}» er åpen igjen.", "Du kan forvente vårt første svar innen {due}."],
  reopenRefusedSubject: "[{caseId}] Saken din kan ikke lenger gjenåpnes",
  reopenRefused: [
    "Saken din «{title}» ble lukket {when} og kunne gjenåpnes til {until}.",
    "Opprett en ny sak og oppgi saksnummer {caseId}.",
  ],
  verificationCodeSubject: "Din bekreftelseskode fra caseclock",
  verificationCode: [
    "Noen som sier at de er deg, ringer kundestøtten vår på vegne av organisasjonen din fra et nummer som ikke står i administratorprofilen din.",
    "Hvis det er deg, gi saksbehandleren denne koden: {code}",
    "Koden er gyldig til {until}. Hvis du ikke kjenner til denne samtalen, kan du se bort fra denne meldingen.",
  ],
  verificationSms:
    "Bekreftelseskoden din fra kundestøtten: {code} (gyldig til {until}). Gi den bare til saksbehandleren du snakker med.",
  signature: "— Kundestøtte",
};
