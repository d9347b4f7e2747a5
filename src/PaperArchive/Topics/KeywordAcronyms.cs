namespace PaperArchive.Topics;

/// <summary>
/// Acronyms common in ML listings and their expansions, written as people write them. Keys and
/// expansions go through the same English analysis as the keywords, so "LLMs", "LLM" and
/// "large language models" meet. Acronyms found in the data itself ("Mixture of Experts (MoE)") are
/// learned on top of this table; the table wins when the data disagrees.
/// Only unambiguous acronyms belong here: an acronym token is replaced wherever it appears
/// inside a keyword ("LLM agents" → "large language model agents").
/// </summary>
internal static class KeywordAcronyms
{
    public static IReadOnlyList<(string Acronym, string Expansion)> Table { get; } =
    [
        ("LLM", "large language model"),
        ("MLLM", "multimodal large language model"),
        ("VLM", "vision-language model"),
        ("LVLM", "large vision-language model"),
        ("VLA", "vision-language-action model"),
        ("LRM", "large reasoning model"),
        ("SLM", "small language model"),
        ("RL", "reinforcement learning"),
        ("RLHF", "reinforcement learning from human feedback"),
        ("RLVR", "reinforcement learning with verifiable rewards"),
        ("RAG", "retrieval-augmented generation"),
        ("MoE", "mixture of experts"),
        ("KV", "key-value"),
        ("CoT", "chain of thought"),
        ("DPO", "direct preference optimization"),
        ("PPO", "proximal policy optimization"),
        ("GRPO", "group relative policy optimization"),
        ("SFT", "supervised fine-tuning"),
        ("PEFT", "parameter-efficient fine-tuning"),
        ("LoRA", "low-rank adaptation"),
        ("ViT", "vision transformer"),
        ("DiT", "diffusion transformer"),
        ("NeRF", "neural radiance field"),
        ("3DGS", "3D Gaussian splatting"),
        ("ASR", "automatic speech recognition"),
        ("TTS", "text-to-speech"),
        ("VQA", "visual question answering"),
        ("OCR", "optical character recognition"),
        ("NLP", "natural language processing"),
        ("GAN", "generative adversarial network"),
        ("VAE", "variational autoencoder"),
        ("MCTS", "Monte Carlo tree search"),
        ("ICL", "in-context learning"),
        ("SSM", "state space model"),
        ("GNN", "graph neural network"),
        ("CNN", "convolutional neural network"),
        ("MLP", "multilayer perceptron"),
        ("SAE", "sparse autoencoder"),
        ("PRM", "process reward model"),
        ("T2I", "text-to-image"),
        ("T2V", "text-to-video"),
        ("I2V", "image-to-video"),
        ("MLM", "masked language modeling"),
        ("NLI", "natural language inference"),
        ("AGI", "artificial general intelligence"),
    ];
}
