using Chatbot.ServiceDefaults.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

public static class EmailSenderExtensions
{
    /// <summary>
    /// Binds <see cref="EmailOptions"/> to <paramref name="sectionName"/> and registers the <see cref="IEmailSender"/> its
    /// <c>Mode</c> selects: <c>File</c> (default in Development; .eml files in <c>PickupDirectory</c>, by default
    /// <c>&lt;temp&gt;/<paramref name="defaultFolderName"/></c>) or <c>Smtp</c> (default elsewhere; <c>SmtpHost</c> required at start-up).
    /// </summary>
    public static IHostApplicationBuilder AddEmailSender(this IHostApplicationBuilder builder, string sectionName, string defaultFolderName)
    {
        var development = builder.Environment.IsDevelopment();
        builder.AddValidatedOptions<EmailOptions>(sectionName)
            .PostConfigure(o =>
            {
                o.Mode ??= development ? "File" : "Smtp";
                o.PickupDirectory ??= Path.Combine(Path.GetTempPath(), defaultFolderName);
            })
            .Validate(o => o.Mode != "Smtp" || !string.IsNullOrWhiteSpace(o.SmtpHost), $"{sectionName}:SmtpHost is required when {sectionName}:Mode is Smtp.");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode == "Smtp"
            ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<PickupDirectoryEmailSender>(sp));
        return builder;
    }
}
