using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Chatbot.InferenceWorker.UnitTests;

public sealed class StartupValidationTests
{
    [Fact]
    public void A_bad_provider_setting_stops_start_up_with_a_message_naming_the_key()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            // Never reached: validation fails before anything connects.
            web.UseSetting("ConnectionStrings:redis", "127.0.0.1:1,abortConnect=false");
            web.UseSetting("ConnectionStrings:rabbitmq", "amqp://guest:guest@127.0.0.1:1");
            web.UseSetting("Inference:Providers:0:Type", "OpenAICompatible");
            web.UseSetting("Inference:Providers:0:Model", "m");
        });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains("Inference:Providers:0:Endpoint is required for OpenAICompatible.", failure.Message);
    }
}
