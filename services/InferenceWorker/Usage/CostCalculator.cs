namespace Chatbot.InferenceWorker.Usage;

/// <summary>Cost of a reply from a provider's prices per million input and output tokens, rounded to 1e-8.</summary>
public static class CostCalculator
{
    private const decimal Million = 1_000_000m;

    public static decimal Compute(int inputTokens, int outputTokens, decimal inputPricePerMillion, decimal outputPricePerMillion) =>
        Math.Round(inputTokens * inputPricePerMillion / Million + outputTokens * outputPricePerMillion / Million, 8, MidpointRounding.AwayFromZero);
}
