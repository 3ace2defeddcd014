import { type Language } from "../tenant/tenant.js";

/**
 * Every sentence caseclock sends to a customer, per language. Support-side messages (warnings,
 * escalations) are in English: the support organisation's working language, configured once.
 * Placeholders are filled by `render.ts`; `{due}` and `{when}` are already-formatted instants.
 */
export interface Sentences {
  readonly severityName: Readonly<Record<"A" | "B" | "C", string>>;
  readonly reasons: Readonly<Record<string, string>>;
  readonly acknowledgementSubject: string;
  readonly acknowledgement: readonly string[];
  readonly adjusted: string;
  readonly severityChangedSubject: string;
  readonly severityChanged: readonly string[];
  readonly severityChangedDue: string;
  readonly severityLoweredSubject: string;
  readonly severityLowered: readonly string[];
  readonly customerReminderSubject: string;
  readonly customerReminder: readonly string[];
  readonly customerReminderFinal: string;
  readonly closingSurveySubject: string;
  readonly closingSurvey: readonly string[];
  readonly reopenedSubject: string;
  readonly reopened: readonly string[];
  readonly reopenRefusedSubject: string;
  readonly reopenRefused: readonly string[];
  readonly verificationCodeSubject: string;
  readonly verificationCode: readonly string[];
  readonly signature: string;
}

const en: Sentences = {
  severityName: { A: "A (critical)", B: "B (high)", C: "C (non-critical)" },
  reasons: {
    "sev-a-requires-advanced-agreement":
      "Severity A is available only with a signed advanced online service agreement.",
    "sev-a-requires-impact-statement": "Severity A needs a statement of the business impact.",
    "sev-a-technical-only": "Severity A is available only for technical support.",
    "billing-max-severity-b": "The highest severity for billing and subscription requests is B.",
    "phone-support-sev-a-only":
      "Your plan includes phone support for severity A only; we will answer this request online.",
    "customer-silent": "we did not receive the information we asked for in time",
  },
  acknowledgementSubject: "[{caseId}] We received your request: {title}",
  acknowledgement: [
    'We received your support request "{title}" on {received}.',
    "Case number: {caseId}. Severity: {severity}.",
    "You can expect our first response by {due} (within {wait}).",
  ],
  adjusted: "You asked for severity {requested}; the request was opened as {severity}. {reasons}",
  severityChangedSubject: "[{caseId}] Severity changed to {to}",
  severityChanged: ['The severity of your request "{title}" changed from {from} to {to}.', "Reason: {reason}"],
  severityChangedDue: "You can expect our first response by {due}.",
  severityLoweredSubject: "[{caseId}] Severity lowered to {to}",
  severityLowered: [
    'We lowered the severity of your request "{title}" from {from} to {to} because {reason}.',
    "We have been waiting for your answer since {since}.",
    "Please reply with the requested information by {due} so we can continue.",
  ],
  customerReminderSubject: "[{caseId}] Reminder: we are waiting for your answer",
  customerReminder: [
    'We are still waiting for the information we asked for about "{title}" (since {since}).',
    "Please reply by {due} so we can continue.",
  ],
  customerReminderFinal: "This is our last reminder; without your answer we may close the request.",
  closingSurveySubject: "[{caseId}] Your request is closed: how did we do?",
  closingSurvey: [
    'Your request "{title}" was closed on {when}.',
    "Please tell us how we did: reply to this message with a rating from 1 (poor) to 5 (excellent) and any comments.",
    "If the problem comes back, you can reopen the request until {until}.",
  ],
  reopenedSubject: "[{caseId}] Your request is reopened",
  reopened: ['Your request "{title}" is open again.', "You can expect our first response by {due}."],
  reopenRefusedSubject: "[{caseId}] Your request can no longer be reopened",
  reopenRefused: [
    'Your request "{title}" was closed on {when} and could be reopened until {until}.',
    "Please open a new request and mention case {caseId}.",
  ],
  verificationCodeSubject: "Your caseclock verification code",
  verificationCode: [
    "Someone is calling our support line on behalf of your organisation from a number that is not in your profile.",
    "If this is you or someone you trust, give them this code: {code}",
    "The code is valid until {until}. If you do not know about this call, ignore this message.",
  ],
  signature: "— Support",
};

const fr: Sentences = {
  severityName: { A: "A (critique)", B: "B (élevée)", C: "C (non critique)" },
  reasons: {
    "sev-a-requires-advanced-agreement":
      "La gravité A n'est disponible qu'avec un contrat de services en ligne avancés signé.",
    "sev-a-requires-impact-statement": "La gravité A nécessite une description de l'impact sur l'activité.",
    "sev-a-technical-only": "La gravité A n'est disponible que pour le support technique.",
    "billing-max-severity-b": "La gravité maximale des demandes de facturation et d'abonnement est B.",
    "phone-support-sev-a-only":
      "Votre offre n'inclut le support téléphonique que pour la gravité A ; nous répondrons à cette demande en ligne.",
    "customer-silent": "nous n'avons pas reçu à temps les informations demandées",
  },
  acknowledgementSubject: "[{caseId}] Nous avons bien reçu votre demande : {title}",
  acknowledgement: [
    "Nous avons reçu votre demande de support « {title} » le {received}.",
    "Numéro de dossier : {caseId}. Gravité : {severity}.",
    "Notre première réponse vous parviendra au plus tard le {due} (sous {wait}).",
  ],
  adjusted: "Vous avez demandé la gravité {requested} ; la demande a été ouverte en gravité {severity}. {reasons}",
  severityChangedSubject: "[{caseId}] Gravité modifiée : {to}",
  severityChanged: ["La gravité de votre demande « {title} » est passée de {from} à {to}.", "Motif : {reason}"],
  severityChangedDue: "Notre première réponse vous parviendra au plus tard le {due}.",
  severityLoweredSubject: "[{caseId}] Gravité abaissée à {to}",
  severityLowered: [
    "Nous avons abaissé la gravité de votre demande « {title} » de {from} à {to}, car {reason}.",
    "Nous attendons votre réponse depuis le {since}.",
    "Merci de nous envoyer les informations demandées avant le {due} afin que nous puissions poursuivre.",
  ],
  customerReminderSubject: "[{caseId}] Rappel : nous attendons votre réponse",
  customerReminder: [
    "Nous attendons toujours les informations demandées au sujet de « {title} » (depuis le {since}).",
    "Merci de répondre avant le {due} afin que nous puissions poursuivre.",
  ],
  customerReminderFinal: "Ceci est notre dernier rappel ; sans réponse de votre part, nous pourrons clore la demande.",
  closingSurveySubject: "[{caseId}] Votre demande est close : votre avis nous intéresse",
  closingSurvey: [
    "Votre demande « {title} » a été close le {when}.",
    "Dites-nous comment nous avons fait : répondez à ce message avec une note de 1 (mauvais) à 5 (excellent) et vos commentaires.",
    "Si le problème réapparaît, vous pouvez rouvrir la demande jusqu'au {until}.",
  ],
  reopenedSubject: "[{caseId}] Votre demande est rouverte",
  reopened: [
    "Votre demande « {title} » est de nouveau ouverte.",
    "Notre première réponse vous parviendra au plus tard le {due}.",
  ],
  reopenRefusedSubject: "[{caseId}] Votre demande ne peut plus être rouverte",
  reopenRefused: [
    "Votre demande « {title} » a été close le {when} et pouvait être rouverte jusqu'au {until}.",
    "Merci d'ouvrir une nouvelle demande en mentionnant le dossier {caseId}.",
  ],
  verificationCodeSubject: "Votre code de vérification caseclock",
  verificationCode: [
    "Une personne appelle notre support au nom de votre organisation depuis un numéro absent de votre profil.",
    "S'il s'agit de vous ou d'une personne de confiance, communiquez-lui ce code : {code}",
    "Le code est valable jusqu'au {until}. Si vous n'êtes pas au courant de cet appel, ignorez ce message.",
  ],
  signature: "— Le support",
};

const pl: Sentences = {
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
    "Pierwszej odpowiedzi możesz się spodziewać do {due} (w ciągu {wait}).",
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
  closingSurveySubject: "[{caseId}] Zgłoszenie zamknięte: jak nam poszło?",
  closingSurvey: [
    "Twoje zgłoszenie „{title}” zostało zamknięte w dniu {when}.",
    "Oceń naszą pomoc: odpowiedz na tę wiadomość, podając ocenę od 1 (słabo) do 5 (doskonale) i uwagi.",
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
    "Ktoś dzwoni do naszej pomocy technicznej w imieniu Twojej organizacji z numeru, którego nie ma w Waszym profilu.",
    "Jeśli to Ty lub zaufana osoba, przekaż jej ten kod: {code}",
    "Kod jest ważny do {until}. Jeśli nic nie wiesz o tym połączeniu, zignoruj tę wiadomość.",
  ],
  signature: "— Pomoc techniczna",
};

const nb: Sentences = {
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
  closingSurveySubject: "[{caseId}] Saken din er lukket: hvordan gjorde vi det?",
  closingSurvey: [
    "Saken din «{title}» ble lukket {when}.",
    "Fortell oss hvordan vi gjorde det: svar på denne meldingen med en karakter fra 1 (dårlig) til 5 (utmerket) og eventuelle kommentarer.",
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
    "Noen ringer kundestøtten vår på vegne av organisasjonen din fra et nummer som ikke står i profilen deres.",
    "Hvis det er deg eller noen du stoler på, gi dem denne koden: {code}",
    "Koden er gyldig til {until}. Hvis du ikke kjenner til denne samtalen, kan du se bort fra denne meldingen.",
  ],
  signature: "— Kundestøtte",
};

const zhHans: Sentences = {
  severityName: { A: "A（严重）", B: "B（高）", C: "C（非严重）" },
  reasons: {
    "sev-a-requires-advanced-agreement": "仅签署了高级在线服务协议的客户才能使用严重级别 A。",
    "sev-a-requires-impact-statement": "严重级别 A 需要提供业务影响说明。",
    "sev-a-technical-only": "严重级别 A 仅适用于技术支持。",
    "billing-max-severity-b": "账单和订阅请求的最高严重级别为 B。",
    "phone-support-sev-a-only": "您的计划仅为严重级别 A 提供电话支持；我们将通过在线方式答复此请求。",
    "customer-silent": "我们未能按时收到所需的信息",
  },
  acknowledgementSubject: "[{caseId}] 我们已收到您的请求：{title}",
  acknowledgement: [
    "我们已于 {received} 收到您的支持请求“{title}”。",
    "案例编号：{caseId}。严重级别：{severity}。",
    "我们将在 {due} 之前（{wait} 内）首次答复您。",
  ],
  adjusted: "您申请的严重级别为 {requested}；该请求已按 {severity} 级别受理。{reasons}",
  severityChangedSubject: "[{caseId}] 严重级别已更改为 {to}",
  severityChanged: ["您的请求“{title}”的严重级别已从 {from} 更改为 {to}。", "原因：{reason}"],
  severityChangedDue: "我们将在 {due} 之前首次答复您。",
  severityLoweredSubject: "[{caseId}] 严重级别已降低为 {to}",
  severityLowered: [
    "由于{reason}，我们已将您的请求“{title}”的严重级别从 {from} 降低为 {to}。",
    "我们自 {since} 起一直在等待您的答复。",
    "请在 {due} 之前提供所需信息，以便我们继续处理。",
  ],
  customerReminderSubject: "[{caseId}] 提醒：我们正在等待您的答复",
  customerReminder: [
    "关于“{title}”，我们仍在等待所需的信息（自 {since} 起）。",
    "请在 {due} 之前答复，以便我们继续处理。",
  ],
  customerReminderFinal: "这是最后一次提醒；如未收到您的答复，我们可能会关闭该请求。",
  closingSurveySubject: "[{caseId}] 您的请求已关闭：请评价我们的服务",
  closingSurvey: [
    "您的请求“{title}”已于 {when} 关闭。",
    "请回复本邮件，用 1（差）到 5（优秀）为我们的服务打分，并附上您的意见。",
    "如果问题再次出现，您可以在 {until} 之前重新打开该请求。",
  ],
  reopenedSubject: "[{caseId}] 您的请求已重新打开",
  reopened: ["您的请求“{title}”已重新打开。", "我们将在 {due} 之前首次答复您。"],
  reopenRefusedSubject: "[{caseId}] 您的请求已无法重新打开",
  reopenRefused: [
    "您的请求“{title}”已于 {when} 关闭，可重新打开的期限为 {until}。",
    "请提交新的请求，并注明案例编号 {caseId}。",
  ],
  verificationCodeSubject: "您的 caseclock 验证码",
  verificationCode: [
    "有人正从一个未登记在贵组织资料中的号码代表贵组织致电我们的支持热线。",
    "如果是您本人或您信任的人，请将此验证码告知对方：{code}",
    "验证码有效期至 {until}。如果您不知道此次来电，请忽略本邮件。",
  ],
  signature: "— 支持团队",
};

export const sentences: Readonly<Record<Language, Sentences>> = { en, fr, pl, nb, "zh-Hans": zhHans };
