"""Reading text into parses: folding (text), the words (lexicon), level 1 tokens, level 2 rules, clauses and scope."""
