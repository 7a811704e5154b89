using Chatbot.Contracts.Moderation;
using Chatbot.Moderation.Detectors;
using Chatbot.Moderation.Detectors.Masking;
using Chatbot.Moderation.Detectors.Pii;
using MassTransit;

namespace Chatbot.Moderation.Audit;

/// <summary>A user's report of a reply: masked again (defence in depth), audited and queued for the tenant's admins.</summary>
public sealed class ReplyReportedConsumer(AuditWriter audit) : IConsumer<ReplyReported>
{
    public Task Consume(ConsumeContext<ReplyReported> context)
    {
        var report = context.Message;
        var masked = Masker.Mask(report.Content, PiiDetector.Detect(report.Content)).Text;
        var reason = report.Reason.Length > 200 ? report.Reason[..200] : report.Reason;
        return audit.RecordAsync(report.TenantId, report.UserId, report.ReplyId, "report", "reported", $"user_report:{reason}",
            masked, queue: true, context.CancellationToken, actor: report.UserId.ToString());
    }
}
