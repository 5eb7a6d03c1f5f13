"""Rules and clause templates as data: the only place that reads their YAML."""
