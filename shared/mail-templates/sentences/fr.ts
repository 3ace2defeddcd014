import { type Sentences } from "./sentences.js";

export const fr: Sentences = {
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
  closingSurveySubject: "[{caseId}] Votre demande est close : donnez-nous votre avis",
  closingSurvey: [
    "Votre demande « {title} » a été close le {when}.",
    "Votre avis compte : répondez à ce message en nous attribuant une note de 1 (pas du tout satisfait) à 5 (très satisfait), accompagnée si vous le souhaitez d'un commentaire.",
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
    "Une personne qui dit être vous appelle notre support au nom de votre organisation, depuis un numéro absent de votre profil d'administrateur.",
    "S'il s'agit bien de vous, communiquez ce code à l'agent : {code}",
    "Le code est valable jusqu'au {until}. Si vous n'êtes pas au courant de cet appel, ignorez ce message.",
  ],
  verificationSms:
    "Votre code de vérification du support : {code} (valable jusqu'au {until}). Ne le communiquez qu'à l'agent avec qui vous parlez.",
  signature: "— Le support",
};
