import { type Sentences } from "./sentences.js";

export const zhHans: Sentences = {
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
    "有人自称是您本人，正代表贵组织从一个未登记在您的管理员资料中的号码致电我们的支持热线。",
    "如果确是您本人，请将此验证码告知客服人员：{code}",
    "验证码有效期至 {until}。如果您不知道此次来电，请忽略本邮件。",
  ],
  verificationSms: "您的支持验证码：{code}（有效期至 {until}）。请只告知正在与您通话的客服人员。",
  signature: "— 支持团队",
};
