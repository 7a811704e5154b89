using Chatbot.ServiceDefaults.Logging;

namespace Chatbot.ServiceDefaults.Tests.Logging;

public sealed class SensitiveDataScrubberTests
{
    [Theory]
    [InlineData("mail bob.jones+chat@mail.example.org now", "bob.jones+chat@mail.example.org")]
    [InlineData("Authorization: Bearer abc.DEF-123_xyz", "abc.DEF-123_xyz")]
    [InlineData("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.AbC-dEf_123", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.AbC-dEf_123")]
    [InlineData("key cbk_test_0123456789abcdef used", "cbk_test_0123456789abcdef")]
    [InlineData("openai sk-proj-AAAABBBBCCCCDDDD failed", "sk-proj-AAAABBBBCCCCDDDD")]
    [InlineData("anthropic sk-ant-api03-XYZxyz0123456789 failed", "sk-ant-api03-XYZxyz0123456789")]
    [InlineData("Host=db;Username=app;Password=p@ss;w0rd;Database=x", "p@ss")]
    [InlineData("Server=db;User Id=sa;Pwd=Secr3t!;", "Secr3t!")]
    [InlineData("redis:6379,password=r3dis-pw,ssl=true", "r3dis-pw")]
    [InlineData("amqp://chatbot:rabbit-pw@rabbitmq:5672/vhost", "rabbit-pw")]
    [InlineData("GET /api/messages/1/stream?access_token=opaque123&x=1", "opaque123")]
    [InlineData("{\"client_secret\": \"hush-hush\"}", "hush-hush")]
    [InlineData("api_key=abcd1234efgh", "abcd1234efgh")]
    public void Removes_the_secret_and_leaves_a_marker(string text, string secret)
    {
        var scrubbed = SensitiveDataScrubber.Scrub(text);

        Assert.DoesNotContain(secret, scrubbed);
        Assert.Contains(SensitiveDataScrubber.Marker, scrubbed);
    }

    [Theory]
    [InlineData("Request finished HTTP/1.1 GET http://localhost:5080/health - 200 - application/json 1.2ms")]
    [InlineData("Applied migrations for ChatDbContext")]
    [InlineData("prompt_tokens=120 completion_tokens=33 model=gpt-4o")]
    public void Leaves_ordinary_text_alone(string text)
    {
        Assert.Equal(text, SensitiveDataScrubber.Scrub(text));
    }
}
