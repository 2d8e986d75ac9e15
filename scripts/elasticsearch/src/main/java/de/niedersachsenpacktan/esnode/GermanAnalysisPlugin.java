package de.niedersachsenpacktan.esnode;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.SimpleAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanMinimalStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.synonym.WordnetSynonymParser;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.GermanStemmer;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The subset of the official analysis-common module that our German search needs.
 *
 * analysis-common is not published to Maven Central, so for the local dev node we re-register the
 * filters we use under the SAME type names and parameter names as analysis-common. That way one
 * set of index settings works here and on the official Elasticsearch image in production. Anything
 * not listed here fails index creation with "Unknown filter type" rather than silently behaving
 * differently. The server itself already provides: tokenizer/analyzer "standard", analyzer
 * "keyword", filters "stop" (incl. _german_), "lowercase" (pre-configured), "shingle", "hunspell".
 */
public class GermanAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "lowercase", (is, env, name, s) -> normalizing(name, LowerCaseFilter::new, s, "language"),
            "german_normalization", (is, env, name, s) -> normalizing(name, GermanNormalizationFilter::new, s),
            "asciifolding", GermanAnalysisPlugin::asciiFolding,
            "stemmer", GermanAnalysisPlugin::stemmer,
            "dictionary_decompounder", AnalysisPlugin.requiresAnalysisSettings(GermanAnalysisPlugin::decompounder),
            "edge_ngram", GermanAnalysisPlugin::edgeNGramFilter,
            "unique", GermanAnalysisPlugin::unique,
            "synonym_graph", AnalysisPlugin.requiresAnalysisSettings(SynonymGraphFactory::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        return Map.of("html_strip", (is, env, name, s) -> {
            Set<String> escaped = new HashSet<>(s.getAsList("escaped_tags"));
            return new AbstractCharFilterFactory(name) {
                @Override
                public Reader create(Reader reader) {
                    return new HTMLStripCharFilter(reader, escaped.isEmpty() ? null : escaped);
                }
            };
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "keyword", (is, env, name, s) -> tokenizer(is, s, name, () -> new KeywordTokenizer(s.getAsInt("buffer_size", 256))),
            "whitespace", (is, env, name, s) -> {
                int max = s.getAsInt("max_token_length", 255);
                return tokenizer(is, s, name, () -> new WhitespaceTokenizer(WhitespaceTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, max));
            },
            "edge_ngram", GermanAnalysisPlugin::edgeNGramTokenizer
        );
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "simple", (is, env, name, s) -> analyzer(name, s, new SimpleAnalyzer()),
            "whitespace", (is, env, name, s) -> analyzer(name, s, new WhitespaceAnalyzer()),
            "german", (is, env, name, s) -> analyzer(
                name,
                s,
                new GermanAnalyzer(
                    Analysis.parseStopWords(env, s, GermanAnalyzer.getDefaultStopSet()),
                    Analysis.parseStemExclusion(s, CharArraySet.EMPTY_SET)
                )
            )
        );
    }

    // ---- token filters -------------------------------------------------------------------

    /** Filters that are safe on keyword normalizers too (per-character / per-term, no splitting). */
    private static TokenFilterFactory normalizing(String name, UnaryOperator<TokenStream> f, Settings s, String... unsupported) {
        for (String key : unsupported) {
            if (s.get(key) != null) {
                throw new IllegalArgumentException("[" + key + "] is not supported by the local dev node for filter [" + name + "]");
            }
        }
        return new NormalizingFilter(name, s, f);
    }

    private static final class NormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final UnaryOperator<TokenStream> f;

        NormalizingFilter(String name, Settings s, UnaryOperator<TokenStream> f) {
            super(name, s);
            this.f = f;
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return f.apply(ts);
        }
    }

    private static TokenFilterFactory asciiFolding(IndexSettings is, Environment env, String name, Settings s) {
        boolean preserve = s.getAsBoolean("preserve_original", false);
        return new NormalizingFilter(name, s, ts -> new ASCIIFoldingFilter(ts, preserve));
    }

    /** Same "language" (alias "name") values as analysis-common's StemmerTokenFilterFactory, German + a few English ones. */
    private static TokenFilterFactory stemmer(IndexSettings is, Environment env, String name, Settings s) {
        String lang = s.get("language", s.get("name", "porter")).toLowerCase(Locale.ROOT);
        UnaryOperator<TokenStream> f = switch (lang) {
            case "light_german" -> GermanLightStemFilter::new;
            case "minimal_german" -> GermanMinimalStemFilter::new;
            case "german" -> ts -> new SnowballFilter(ts, new GermanStemmer());
            case "german2" -> ts -> new SnowballFilter(ts, new German2Stemmer());
            case "english", "porter" -> PorterStemFilter::new;
            case "light_english", "kstem" -> KStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            default -> throw new IllegalArgumentException(
                "stemmer language [" + lang + "] is not available on the local dev node (only German/English variants)"
            );
        };
        return simple(name, s, f);
    }

    private static TokenFilterFactory decompounder(IndexSettings is, Environment env, String name, Settings s) {
        int minWord = s.getAsInt("min_word_size", CompoundWordTokenFilterBase.DEFAULT_MIN_WORD_SIZE);
        int minSub = s.getAsInt("min_subword_size", CompoundWordTokenFilterBase.DEFAULT_MIN_SUBWORD_SIZE);
        int maxSub = s.getAsInt("max_subword_size", CompoundWordTokenFilterBase.DEFAULT_MAX_SUBWORD_SIZE);
        boolean longest = s.getAsBoolean("only_longest_match", false);
        // Handles both word_list (inline) and word_list_path (relative to the config dir), like upstream.
        CharArraySet words = Analysis.getWordSet(env, s, "word_list");
        if (words == null) {
            throw new IllegalArgumentException("word_list must be provided for [" + name + "], either as a path to a file, or directly");
        }
        return new AbstractTokenFilterFactory(name, s) {
            @Override
            public TokenStream create(TokenStream ts) {
                return new DictionaryCompoundWordTokenFilter(ts, words, minWord, minSub, maxSub, longest);
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                return IDENTITY_FILTER; // upstream does not decompound synonym rules either
            }
        };
    }

    private static TokenFilterFactory edgeNGramFilter(IndexSettings is, Environment env, String name, Settings s) {
        int min = s.getAsInt("min_gram", 1);
        int max = s.getAsInt("max_gram", 2);
        boolean preserve = s.getAsBoolean("preserve_original", false);
        if ("front".equals(s.get("side", "front")) == false) {
            throw new IllegalArgumentException("only side=front is supported by the local dev node");
        }
        return new AbstractTokenFilterFactory(name, s) {
            @Override
            public TokenStream create(TokenStream ts) {
                return new EdgeNGramTokenFilter(ts, min, max, preserve);
            }

            @Override
            public boolean breaksFastVectorHighlighter() {
                return true;
            }

            @Override
            public TokenFilterFactory getSynonymFilter() {
                throw new IllegalArgumentException("Token filter [" + name() + "] cannot be used to parse synonyms");
            }
        };
    }

    private static TokenFilterFactory unique(IndexSettings is, Environment env, String name, Settings s) {
        boolean samePosition = s.getAsBoolean("only_on_same_position", false);
        return simple(name, s, ts -> samePosition ? new RemoveDuplicatesTokenFilter(ts) : new FirstOccurrenceFilter(ts));
    }

    /** Drops every token whose text was already seen in this stream (upstream "unique" default mode). */
    private static final class FirstOccurrenceFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final CharArraySet seen = new CharArraySet(8, false);

        FirstOccurrenceFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            if (seen.contains(term.buffer(), 0, term.length())) {
                return false;
            }
            seen.add(term.toString());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            seen.clear();
        }
    }

    private static TokenFilterFactory simple(String name, Settings s, UnaryOperator<TokenStream> f) {
        return new AbstractTokenFilterFactory(name, s) {
            @Override
            public TokenStream create(TokenStream ts) {
                return f.apply(ts);
            }
        };
    }

    /**
     * synonym_graph with inline "synonyms" or "synonyms_path", Solr (default) or WordNet format.
     * Like upstream, the rules are analysed with the tokenizer and filters that precede this filter
     * in the analyzer, so "Mütter" in a rule matches the same token the text produces.
     * Not supported here: "updateable" (search-time reload) and "synonyms_set" (synonyms API).
     */
    private static final class SynonymGraphFactory extends AbstractTokenFilterFactory {
        private final Environment env;
        private final Settings settings;

        SynonymGraphFactory(IndexSettings is, Environment env, String name, Settings s) {
            super(name, s);
            this.env = env;
            this.settings = s;
            if (s.get("synonyms_set") != null || s.getAsBoolean("updateable", false)) {
                throw new IllegalArgumentException("synonyms_set / updateable synonyms are not supported by the local dev node");
            }
        }

        @Override
        public TokenStream create(TokenStream ts) {
            throw new IllegalStateException("synonym_graph [" + name() + "] must be resolved against its analysis chain first");
        }

        @Override
        public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters
        ) {
            TokenFilterFactory[] chain = previousTokenFilters.stream().map(TokenFilterFactory::getSynonymFilter).toArray(TokenFilterFactory[]::new);
            SynonymMap map;
            try (Analyzer a = new CustomAnalyzer(tokenizer, charFilters.toArray(new CharFilterFactory[0]), chain)) {
                boolean expand = settings.getAsBoolean("expand", true);
                String rules = String.join("\n", Analysis.getWordList(env, settings, "synonyms"));
                SynonymMap.Parser parser = "wordnet".equals(settings.get("format"))
                    ? new WordnetSynonymParser(true, expand, a)
                    : new SolrSynonymParser(true, expand, a);
                parser.parse(new StringReader(rules));
                map = parser.build();
            } catch (Exception e) {
                throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
            }
            String n = name();
            return new TokenFilterFactory() {
                @Override
                public String name() {
                    return n;
                }

                @Override
                public TokenStream create(TokenStream ts) {
                    return map.fst == null ? ts : new SynonymGraphFilter(ts, map, false);
                }

                @Override
                public TokenFilterFactory getSynonymFilter() {
                    throw new IllegalArgumentException("Token filter [" + n + "] cannot be used to parse synonyms");
                }
            };
        }
    }

    // ---- tokenizers / analyzers --------------------------------------------------------------

    private interface TokenizerSupplier {
        Tokenizer get();
    }

    private static TokenizerFactory tokenizer(IndexSettings is, Settings s, String name, TokenizerSupplier sup) {
        return new AbstractTokenizerFactory(is, s, name) {
            @Override
            public Tokenizer create() {
                return sup.get();
            }
        };
    }

    private static TokenizerFactory edgeNGramTokenizer(IndexSettings is, Environment env, String name, Settings s) {
        int min = s.getAsInt("min_gram", 1);
        int max = s.getAsInt("max_gram", 2);
        List<String> tokenChars = s.getAsList("token_chars");
        return tokenizer(is, s, name, () -> tokenChars.isEmpty() ? new EdgeNGramTokenizer(min, max) : new EdgeNGramTokenizer(min, max) {
            @Override
            protected boolean isTokenChar(int c) {
                return matchesTokenChars(tokenChars, c);
            }
        });
    }

    /** token_chars classes as in analysis-common: letter, digit, whitespace, punctuation, symbol. */
    private static boolean matchesTokenChars(List<String> classes, int c) {
        for (String cls : classes) {
            boolean hit = switch (cls) {
                case "letter" -> Character.isLetter(c);
                case "digit" -> Character.isDigit(c);
                case "whitespace" -> Character.isWhitespace(c);
                case "punctuation" -> switch (Character.getType(c)) {
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION -> true;
                    default -> false;
                };
                case "symbol" -> switch (Character.getType(c)) {
                    case Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
                    default -> false;
                };
                default -> throw new IllegalArgumentException("token_chars class [" + cls + "] not supported by the local dev node");
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private static <A extends Analyzer> AnalyzerProvider<A> analyzer(String name, Settings s, A analyzer) {
        return new AbstractIndexAnalyzerProvider<>(name, s) {
            @Override
            public A get() {
                return analyzer;
            }
        };
    }
}
