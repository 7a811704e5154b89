using Chatbot.Chat.Data.Entities;

namespace Chatbot.Chat.Account;

/// <summary>A job as <c>POST/GET /api/account/export</c> show it; a completed job carries a fresh signed download link.</summary>
public sealed record AccountExportDto(
    Guid Id, string Status, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? DownloadUrl, DateTimeOffset? DownloadExpiresAt,
    string? FailureReason)
{
    public static AccountExportDto From(AccountExport job, string? downloadUrl = null, DateTimeOffset? expiresAt = null) =>
        new(job.Id, job.Status, job.CreatedAt, job.CompletedAt, downloadUrl, expiresAt, job.FailureReason);
}
