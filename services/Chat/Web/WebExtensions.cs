using Chatbot.Chat.Web;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Microsoft.Extensions.Hosting;

/// <summary>The end-user web page: security headers, the static files of <c>wwwroot</c> and the <c>/web/session</c> routes.</summary>
public static class WebExtensions
{
    public static IHostApplicationBuilder AddChatWeb(this IHostApplicationBuilder builder)
    {
        var identity = builder.Configuration["services:identity:http:0"] ?? builder.Configuration["Identity:Authority"]
            ?? throw new InvalidOperationException("services:identity:http:0 is not set: the web session cannot reach identity.");
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked for evaluation; it is the documented way to opt out
        builder.Services.AddHttpClient<IdentityTokenClient>(c =>
        {
            c.BaseAddress = new Uri(identity);
            c.Timeout = TimeSpan.FromSeconds(15);
        }).RemoveAllResilienceHandlers(); // a password grant is never retried: each try counts against identity's limits
#pragma warning restore EXTEXP0001
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>Security headers, HSTS and the static files; call before authentication, so static files are served without it.</summary>
    public static WebApplication UseChatWeb(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
