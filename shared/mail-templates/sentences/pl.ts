import { type Sentences } from "./sentences.js";

export const pl: Sentences = {
  severityName: { A: "A (krytyczny)", B: "B (wysoki)", C: "C (niekrytyczny)" },
  reasons: {
    "sev-a-requires-advanced-agreement":
      "Poziom A jest dostępny tylko przy podpisanej umowie na zaawansowane usługi online.",
    "sev-a-requires-impact-statement": "Poziom A wymaga opisu wpływu na działalność firmy.",
    "sev-a-technical-only": "Poziom A jest dostępny tylko dla pomocy technicznej.",
    "billing-max-severity-b": "Najwyższy poziom dla zgłoszeń dotyczących rozliczeń i subskrypcji to B.",
    "phone-support-sev-a-only":
      "Twój plan obejmuje pomoc telefoniczną tylko dla poziomu A; odpowiemy na to zgłoszenie online.",
    "customer-silent": "nie otrzymaliśmy na czas informacji, o które prosiliśmy",
  },
  acknowledgementSubject: "[{caseId}] Otrzymaliśmy Twoje zgłoszenie: {title}",
  acknowledgement: [
    "Otrzymaliśmy Twoje zgłoszenie „{title}” w dniu {received}.",
    "Numer zgłoszenia: {caseId}. Poziom ważności: {severity}.",
    "Pierwszej odpowiedzi możesz się spodziewać do {due} (czas oczekiwania: {wait}).",
  ],
  adjusted: "Wnioskowano o poziom {requested}; zgłoszenie otwarto z poziomem {severity}. {reasons}",
  severityChangedSubject: "[{caseId}] Zmieniono poziom ważności na {to}",
  severityChanged: ["Poziom ważności zgłoszenia „{title}” zmienił się z {from} na {to}.", "Powód: {reason}"],
  severityChangedDue: "Pierwszej odpowiedzi możesz się spodziewać do {due}.",
  severityLoweredSubject: "[{caseId}] Obniżono poziom ważności do {to}",
  severityLowered: [
    "Obniżyliśmy poziom ważności zgłoszenia „{title}” z {from} na {to}, ponieważ {reason}.",
    "Czekamy na Twoją odpowiedź od {since}.",
    "Prześlij prosimy żądane informacje do {due}, abyśmy mogli kontynuować.",
  ],
  customerReminderSubject: "[{caseId}] Przypomnienie: czekamy na Twoją odpowiedź",
  customerReminder: [
    "Nadal czekamy na informacje dotyczące zgłoszenia „{title}” (od {since}).",
    "Odpowiedz prosimy do {due}, abyśmy mogli kontynuować.",
  ],
  customerReminderFinal: "To nasze ostatnie przypomnienie; bez Twojej odpowiedzi możemy zamknąć zgłoszenie.",
  closingSurveySubject: "[{caseId}] Zgłoszenie zostało zamknięte – prosimy o ocenę",
  closingSurvey: [
    "Twoje zgłoszenie „{title}” zostało zamknięte w dniu {when}.",
    "Prosimy o ocenę naszej pomocy: odpowiedz na tę wiadomość, podając ocenę w skali od 1 (bardzo źle) do 5 (bardzo dobrze), i dodaj ewentualne uwagi.",
    "Jeśli problem wróci, możesz ponownie otworzyć zgłoszenie do {until}.",
  ],
  reopenedSubject: "[{caseId}] Zgłoszenie ponownie otwarte",
  reopened: [
    "Twoje zgłoszenie „{title}” jest ponownie otwarte.",
    "Pierwszej odpowiedzi możesz się spodziewać do {due}.",
  ],
  reopenRefusedSubject: "[{caseId}] Zgłoszenia nie można już ponownie otworzyć",
  reopenRefused: [
    "Twoje zgłoszenie „{title}” zostało zamknięte w dniu {when}; można było je ponownie otworzyć do {until}.",
    "Otwórz prosimy nowe zgłoszenie i podaj w nim numer {caseId}.",
  ],
  verificationCodeSubject: "Twój kod weryfikacyjny caseclock",
  verificationCode: [
    "Ktoś, kto podaje się za Ciebie, dzwoni do naszej pomocy technicznej w imieniu Twojej organizacji z numeru, którego nie ma w Twoim profilu administratora.",
    "Jeśli to Ty, podaj konsultantowi ten kod: {code}",
    "Kod jest ważny do {until}. Jeśli nic nie wiesz o tym połączeniu, zignoruj tę wiadomość.",
  ],
  verificationSms:
    "Twój kod weryfikacyjny pomocy technicznej: {code} (ważny do {until}). Podaj go tylko konsultantowi, z którym rozmawiasz.",
  signature: "— Pomoc techniczna",
};
