using System.ComponentModel.DataAnnotations;

namespace Chatbot.ServiceDefaults.Email;

/// <summary>A service's mail settings, bound from the section it passes to <c>AddEmailSender</c> (e.g. <c>Identity:Email</c>).</summary>
public sealed class EmailOptions
{
    /// <summary><c>File</c> (default in Development) or <c>Smtp</c> (default elsewhere).</summary>
    [RegularExpression("^(File|Smtp)$")]
    public string? Mode { get; set; }

    /// <summary>Folder for .eml files in File mode. Default: a folder under the temp directory named by the service.</summary>
    public string? PickupDirectory { get; set; }

    [Required, MaxLength(256)]
    public string From { get; set; } = "no-reply@chatbot.local";

    public string? SmtpHost { get; set; }

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }
    public bool SmtpEnableSsl { get; set; } = true;
}
