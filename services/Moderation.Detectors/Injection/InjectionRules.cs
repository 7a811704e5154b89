using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Injection;

/// <summary>
/// Hand-written patterns for prompt injection and jailbreak attempts, matched on the folded text (lower case,
/// homoglyphs and leetspeak mapped, spaced letters joined) and on every decoded payload.
/// </summary>
public static partial class InjectionRules
{
    public static IReadOnlyList<(string Name, Regex Pattern)> All { get; } =
    [
        ("instruction_override", Override()),
        ("instruction_reset", Reset()),
        ("hidden_context_request", HiddenContext()),
        ("roleplay_override", Roleplay()),
        ("unrestricted_mode", Unrestricted()),
        ("fake_system_turn", FakeSystem()),
        ("policy_bypass", Bypass()),
        ("encoded_instruction", EncodedInstruction()),
        ("foreign_override", ForeignOverride()),
        ("foreign_unrestricted", ForeignUnrestricted()),
        ("instructions_voided", Voided()),
        ("setup_text_request", SetupText()),
    ];

    public static string? FirstMatch(string folded)
    {
        foreach (var (name, pattern) in All)
        {
            try
            {
                if (pattern.IsMatch(folded)) return name;
            }
            catch (RegexMatchTimeoutException)
            {
                return "timeout";
            }
        }
        return null;
    }

    [GeneratedRegex(@"\b(ignore|disregard|forget|skip|override|bypass|drop|abandon|neglect|discard|pay no attention to|throw away|scratch|set aside|put aside|never mind)\b[\w\s,'-]{0,40}?\b(previous|prior|above|earlier|preceding|initial|original|all|any|your|the|these|those|system|developer)\b[\w\s,'-]{0,30}?\b(instructions?|rules?|prompts?|directions?|guidelines?|directives?|guardrails?|constraints?|restrictions?|programming|guidance|context|orders?|commands?|messages?)\b|\b(ignore|disregard|forget)\b (all |everything )?(of )?(the |what(ever)? (is|was|i said|you were told) )?(above|before|previously|earlier)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Override();

    [GeneratedRegex(@"\b(new|updated|real|actual|true)\s+(system\s+)?(instructions?|rules?|prompt|task)\s*(:|are|is|follow)|\bfrom (now on|this point( on)?)\b.{0,60}\b(ignore|disregard|no longer|without (any )?(rules|restrictions|filters|limits)|no (rules|restrictions|filters|limits)|unfiltered|unrestricted|never refuse)|\byour (new|only|real) (task|goal|purpose|instructions?) (is|are)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Reset();

    [GeneratedRegex(@"\b(reveal|show|print|output|repeat|display|tell|give|leak|dump|share|recite|write|spell|paste|list|disclose|expose|translate|summari[sz]e|quote|what(s| is| are| was| were) (in )?your).{0,50}\b(system|hidden|secret|initial|original|internal|confidential|developer|pre-?prompt|previous|above|private)\s*(prompts?|instructions?|messages?|rules?|context|configuration|guidelines|directives?|text|setup)\b|\b(text|everything|words|instructions?) (above|before) (this|the first)|\bwhat were you (told|instructed|programmed)|\b(repeat|print|output) (everything|all|the text|the words) (above|before|so far)|\bverbatim\b.{0,40}\b(prompt|instructions?)\b|\bbeginning of (this|the|our) (conversation|prompt|context)\b|\b(first|initial|earliest|very first) (message|instructions?|text) (of|in) (this|the|our) (conversation|chat|context)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex HiddenContext();

    [GeneratedRegex(@"\b(you are|you're|act as|pretend (to be|you are|you're)|roleplay as|role-play as|play the role of|simulate|become|imagine you are)\b.{0,40}\b(dan|stan|dude|aim|evil|unfiltered|uncensored|unrestricted|jailbroken|without (any )?(rules|restrictions|limits|filters|guidelines|ethics)|no (rules|restrictions|limits|filters|guidelines|morals|ethics)|an ai (with|that has) no|free from|not bound by|does not follow|doesn't follow|never refuses?|can do anything)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Roleplay();

    [GeneratedRegex(@"\b(god|jailbreak|unrestricted|unfiltered|uncensored|dan|evil|chaos) mode\b|\b(developer|debug|admin|sudo|maintenance|root|test) mode\b.{0,60}\b(ignore|no|without|bypass|disable|polic(y|ies)|restrictions?|filters?|rules|output your|reveal|lift|limits?)\b|\bjailbr(eak|oken)\b|\bdo anything now\b|\b(enable|activate|enter|switch to|turn on)\b.{0,20}\b(mode|override)\b.{0,30}\b(no|without|unrestricted|unfiltered|bypass)|\bstay in character\b.{0,60}\b(no matter|whatever|always)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Unrestricted();

    [GeneratedRegex(@"<\|?(im_start|im_end|system|endoftext)\|?>|\[/?(system|inst|sys)\]|<</?sys>>|^\s*#{2,}\s*(system|instruction|admin)\b|\b(system|admin|developer) (message|override|note|prompt)\s*:|^\s*system\s*:", RegexOptions.CultureInvariant | RegexOptions.Multiline, 1000)]
    private static partial Regex FakeSystem();

    [GeneratedRegex(@"\b(bypass|disable|turn off|remove|ignore|circumvent|evade|get around|switch off|deactivate)\b.{0,30}\b(your |the |all |any )?(safety|content|moderation|ethical|ethic|security)?\s*(filters?|guardrails?|safeguards?|restrictions?|policies|polic(y|ies)|censorship|limitations|alignment|moderation)\b|\bwithout (any )?(moral|ethical|safety) (restrictions|limits|guidelines|constraints)|\bno (longer )?(bound|restricted|limited) by\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Bypass();

    [GeneratedRegex(@"\b(decode|base64|hex|rot13|rot-13|reverse(d)?)\b.{0,60}\b(and|then)\s+(follow|execute|obey|do|run|carry out|perform|act on)\b|\b(follow|execute|obey|run)\b.{0,30}\b(decoded|encoded|hidden|following base64|these) (instructions?|commands?|message|text|payload)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EncodedInstruction();

    // "Ignore / forget the previous instructions (rules, prompt)" in French, German, Spanish, Italian, Portuguese, Dutch
    // and Polish, on the folded text (accents dropped).
    [GeneratedRegex(@"\b(ignorez|ignorer|ignoriere|ignora(r|te)?|negeer|zignoruj|ignoruj|vergiss|vergeet|oublie[zr]?|olvida|dimentica|esqueca|nao (siga|obedeca)|ne tiens pas compte|no hagas caso)\b[^.?!\n]{0,80}\b(instructions?|consignes|regles|anweisungen|regeln|vorgaben|instrucciones|reglas|istruzioni|regole|instrucoes|regras|instructies|regels|instrukcje|zasady|prompt|systemprompt)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ForeignOverride();

    // "An AI without restrictions / rules / filters" in French, German, Spanish, Portuguese, Italian, Dutch, Polish.
    [GeneratedRegex(@"\b(ia|ki|ai|modell?o?|assistente?|asystent)\b[^.?!\n]{0,20}\b(sans|ohne|sin|sem|senza|zonder|bez)\b[^.?!\n]{0,15}\b(restri|regle|regel|einschrankung|filter|regla|regra|regol|beperking|ogranicze|zasad|limit|filtr)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ForeignUnrestricted();

    // "Your instructions are void / cancelled", "consider the previous rules void".
    [GeneratedRegex(@"\b(instructions?|rules|directives|guidance|programming|guidelines|system prompt)\b[^.?!\n]{0,30}\b(are|is) (now |hereby )?(void|cancell?ed|revoked|null and void|obsolete|lifted|suspended|no longer (valid|in effect|apply|applicable))\b|\bconsider\b[^.?!\n]{0,40}\b(instructions?|rules|directives|guidance|programming|guidelines|system prompt)\b[^.?!\n]{0,12}\b(void|cancell?ed|revoked|obsolete|null)\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Voided();

    // "Write out the text you started with", "share your setup text".
    [GeneratedRegex(@"\b(write out|write down|share|print|show|give me|repeat|output|reveal|dump|paste|type out)\b[^.?!\n]{0,30}\b(confidential|setup|starting|initial|hidden|secret|original|boot|startup) (text|prompt|instructions|configuration|setup|message)\b|\b(text|instructions|prompt|rules|words|message) (you|the assistant|the model) (started|was started|were started|were initiali[sz]ed|were configured|were set up|booted) with\b", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SetupText();
}
