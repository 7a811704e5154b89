using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Chatbot.Web.BrowserTests;

/// <summary>The page's HTTP contract: security headers, and a session whose refresh token never reaches JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SecurityTests(BrowserSystemFixture system)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/js/app.js")]
    [InlineData("/api/conversations")]
    public async Task Responses_carry_the_security_headers(string path)
    {
        using var client = system.App.CreateHttpClient("chat");
        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is for outside Development only.");
    }

    [Fact]
    public async Task The_page_is_served_at_the_root_without_inline_script_or_other_origins()
    {
        using var client = system.App.CreateHttpClient("chat");
        var html = await client.GetStringAsync("/");

        Assert.Contains("<script type=\"module\" src=\"/js/app.js\"></script>", html);
        Assert.DoesNotMatch("<script(?![^>]*src=)", html);
        Assert.DoesNotContain("http://", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public async Task Login_sets_the_refresh_token_only_in_an_httpOnly_strict_cookie()
    {
        using var client = system.App.CreateHttpClient("chat");
        var email = ChatPage.NewEmail();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "192.0.2.10");
        (await client.PostAsJsonAsync("/api/account/register", new { email, password = ChatPage.Password })).EnsureSuccessStatusCode();

        using var login = await client.PostAsJsonAsync("/web/session", new { email, password = ChatPage.Password });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("chatbot_refresh=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/web/session", cookie, StringComparison.OrdinalIgnoreCase);
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("accessToken").GetString()));
        Assert.Equal(2, body.RootElement.EnumerateObject().Count());
    }

    [Fact]
    public async Task Refresh_needs_the_page_header_and_a_cookie()
    {
        using var client = system.App.CreateHttpClient("chat");

        using var withoutHeader = await client.PostAsync("/web/session/refresh", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/web/session/refresh");
        request.Headers.Add("X-Chatbot-Web", "1");
        using var withoutCookie = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, withoutHeader.StatusCode);
        Assert.Equal("application/problem+json", withoutHeader.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutCookie.StatusCode);
    }

    [Fact]
    public async Task Login_with_missing_fields_is_a_validation_problem()
    {
        using var client = system.App.CreateHttpClient("chat");

        using var response = await client.PostAsJsonAsync("/web/session", new { email = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("email is required.", problem);
        Assert.Contains("password is required.", problem);
    }
}
