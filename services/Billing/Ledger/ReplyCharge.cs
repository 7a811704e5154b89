namespace Chatbot.Billing.Ledger;

/// <summary>What a reply is charged, and for a reply answered from the response cache what the cache saved the tenant.</summary>
public sealed record ReplyCharge(decimal Cost, decimal Saved);
