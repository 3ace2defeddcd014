import { type Sentences } from "./sentences.js";

export const de: Sentences = {
  severityName: { A: "A (kritisch)", B: "B (hoch)", C: "C (nicht kritisch)" },
  reasons: {
    "sev-a-requires-advanced-agreement":
      "Schweregrad A ist nur mit einem unterzeichneten Vertrag über erweiterte Onlinedienste verfügbar.",
    "sev-a-requires-impact-statement": "Für Schweregrad A ist eine Beschreibung der geschäftlichen Auswirkungen nötig.",
    "sev-a-technical-only": "Schweregrad A ist nur für den technischen Support verfügbar.",
    "billing-max-severity-b": "Der höchste Schweregrad für Anfragen zu Abrechnung und Abonnement ist B.",
    "phone-support-sev-a-only":
      "Ihr Plan umfasst telefonischen Support nur für Schweregrad A; wir beantworten diese Anfrage online.",
    "customer-silent": "wir die angeforderten Informationen nicht rechtzeitig erhalten haben",
  },
  acknowledgementSubject: "[{caseId}] Wir haben Ihre Anfrage erhalten: {title}",
  acknowledgement: [
    "Wir haben Ihre Supportanfrage „{title}“ am {received} erhalten.",
    "Fallnummer: {caseId}. Schweregrad: {severity}.",
    "Unsere erste Antwort erhalten Sie bis {due} (Wartezeit: {wait}).",
  ],
  adjusted: "Sie haben Schweregrad {requested} angefragt; die Anfrage wurde mit {severity} eröffnet. {reasons}",
  severityChangedSubject: "[{caseId}] Schweregrad geändert auf {to}",
  severityChanged: ["Der Schweregrad Ihrer Anfrage „{title}“ wurde von {from} auf {to} geändert.", "Grund: {reason}"],
  severityChangedDue: "Unsere erste Antwort erhalten Sie bis {due}.",
  severityLoweredSubject: "[{caseId}] Schweregrad auf {to} herabgesetzt",
  severityLowered: [
    "Wir haben den Schweregrad Ihrer Anfrage „{title}“ von {from} auf {to} herabgesetzt, weil {reason}.",
    "Wir warten seit {since} auf Ihre Antwort.",
    "Bitte senden Sie uns die angeforderten Informationen bis {due}, damit wir weiterarbeiten können.",
  ],
  customerReminderSubject: "[{caseId}] Erinnerung: Wir warten auf Ihre Antwort",
  customerReminder: [
    "Wir warten noch auf die angeforderten Informationen zu „{title}“ (seit {since}).",
    "Bitte antworten Sie bis {due}, damit wir weiterarbeiten können.",
  ],
  customerReminderFinal:
    "Dies ist unsere letzte Erinnerung; ohne Ihre Antwort schließen wir die Anfrage möglicherweise.",
  closingSurveySubject: "[{caseId}] Ihre Anfrage ist abgeschlossen – wie zufrieden waren Sie?",
  closingSurvey: [
    "Ihre Anfrage „{title}“ wurde am {when} abgeschlossen.",
    "Ihre Meinung ist uns wichtig: Antworten Sie auf diese E-Mail mit einer Bewertung von 1 (sehr unzufrieden) bis 5 (sehr zufrieden) und gern mit einem Kommentar.",
    "Sollte das Problem erneut auftreten, können Sie die Anfrage bis {until} wieder öffnen.",
  ],
  reopenedSubject: "[{caseId}] Ihre Anfrage wurde wieder geöffnet",
  reopened: ["Ihre Anfrage „{title}“ ist wieder offen.", "Unsere erste Antwort erhalten Sie bis {due}."],
  reopenRefusedSubject: "[{caseId}] Ihre Anfrage kann nicht mehr geöffnet werden",
  reopenRefused: [
    "Ihre Anfrage „{title}“ wurde am {when} abgeschlossen und konnte bis {until} wieder geöffnet werden.",
    "Bitte stellen Sie eine neue Anfrage und geben Sie darin die Fallnummer {caseId} an.",
  ],
  verificationCodeSubject: "Ihr Bestätigungscode für den Support",
  verificationCode: [
    "Jemand, der angibt, Sie zu sein, ruft im Namen Ihrer Organisation bei unserem Support an – von einer Nummer, die nicht in Ihrem Administratorprofil steht.",
    "Wenn Sie das sind, nennen Sie dem Mitarbeiter diesen Code: {code}",
    "Der Code gilt bis {until}. Wenn Sie von diesem Anruf nichts wissen, ignorieren Sie diese Nachricht.",
  ],
  verificationSms:
    "Ihr Bestätigungscode für den Support: {code} (gültig bis {until}). Geben Sie ihn nur dem Mitarbeiter, mit dem Sie sprechen.",
  signature: "— Ihr Support-Team",
};
