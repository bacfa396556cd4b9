{{ segment_table() }}
